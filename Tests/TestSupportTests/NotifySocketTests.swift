import Glibc
import TestSupport
import Testing

@Suite("NotifySocket")
struct NotifySocketTests {
    @Test("A child given NOTIFY_SOCKET reaches the socket, and waitFor collects until the match")
    func childNotifies() throws {
        let notify = try NotifySocket()
        let script = """
            import os, socket
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            s.sendto(b"STATUS=starting", os.environ["NOTIFY_SOCKET"])
            s.sendto(b"READY=1\\nSTATUS=serving", os.environ["NOTIFY_SOCKET"])
            """
        let result = try ChildProcess.run(
            "python3", arguments: ["-c", script],
            environment: ChildProcess.defaultEnvironment(adding: ["NOTIFY_SOCKET": notify.path])
        )
        #expect(result.status == .exited(0), "\(result.stderr)")

        #expect(try notify.waitFor("READY=1") == ["STATUS=starting", "READY=1\nSTATUS=serving"])
        #expect(notify.received.count == 2)
    }

    @Test("receive returns one datagram, or nil when none comes in time")
    func receive() throws {
        let notify = try NotifySocket()
        #expect(try notify.receive(timeout: .milliseconds(50)) == nil)

        try send("WATCHDOG=1", to: notify.path)
        #expect(try notify.receive() == "WATCHDOG=1")
    }

    private func send(_ message: String, to path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(sent == bytes.count)
    }
}
