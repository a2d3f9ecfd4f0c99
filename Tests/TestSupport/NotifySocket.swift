import Glibc
import Synchronization

/// The test's end of the sd_notify protocol: an AF_UNIX datagram socket bound in a temporary
/// directory. Give `path` to the child as `NOTIFY_SOCKET` and read what it reports.
///
/// ```
/// let notify = try NotifySocket()
/// let bearerd = try BearerdProcess.start(config: config, environment: ["NOTIFY_SOCKET": notify.path])
/// try notify.waitFor { $0.contains("READY=1") }
/// ```
package final class NotifySocket: Sendable {
    package let path: String
    private let socket: SocketHandle
    private let directory: TemporaryDirectory
    private let history = Mutex<[String]>([])

    package init() throws {
        directory = try TemporaryDirectory(prefix: "bearerd-notify")
        path = directory.path("notify.sock")
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError.system("socket AF_UNIX SOCK_DGRAM") }
        socket = SocketHandle(fd)
        let bound = try Socket.withUnixAddress(path) { address, length in bind(fd, address, length) }
        guard bound == 0 else { throw TestSupportError.system("bind \(path)") }
    }

    /// Every datagram received so far, in order.
    package var received: [String] { history.withLock { $0 } }

    /// One datagram (its text, usually `KEY=value` lines), or nil if none came within `timeout`.
    package func receive(timeout: Duration = .seconds(5)) throws -> String? {
        try receive(deadline: Deadline.after(timeout))
    }

    /// Collects datagrams until one satisfies `predicate`; returns all collected, the match last.
    /// Throws `.timeout` with what came if none matched within `timeout`.
    @discardableResult
    package func waitFor(timeout: Duration = .seconds(5), _ predicate: (String) -> Bool) throws -> [String] {
        let deadline = Deadline.after(timeout)
        var seen: [String] = []
        while let message = try receive(deadline: deadline) {
            seen.append(message)
            if predicate(message) { return seen }
        }
        throw TestSupportError(.timeout, "timed out after \(timeout) waiting for a notify message; got \(seen)")
    }

    /// Collects datagrams until one has the line `assignment` (e.g. `READY=1`).
    @discardableResult
    package func waitFor(_ assignment: String, timeout: Duration = .seconds(5)) throws -> [String] {
        try waitFor(timeout: timeout) { $0.split(separator: "\n").contains { $0 == assignment } }
    }

    /// Non-blocking recv after poll: if a concurrent caller took the datagram, poll again.
    private func receive(deadline: Deadline) throws -> String? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            guard try Socket.waitReadable(socket.fd, deadline: deadline) else { return nil }
            let count = buffer.withUnsafeMutableBytes { recv(socket.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count >= 0 else { throw TestSupportError.system("recv on \(path)") }
            let message = String(decoding: buffer[..<count], as: UTF8.self)
            history.withLock { $0.append(message) }
            return message
        }
    }
}
