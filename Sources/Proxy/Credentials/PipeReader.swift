import EventLoop
import Glibc

/// The read end of a child's stdout or stderr, read by the loop whenever it is readable, until end
/// of file. Keeps the first `limit` bytes and counts the rest.
final class PipeReader: IOHandler {
    private let loop: EventLoop
    private var fd: Int32
    private var registration: IORegistration?
    private let limit: Int
    private(set) var bytes: [UInt8] = []
    /// Every byte read, kept or not.
    private(set) var total = 0
    /// Called after each read that got bytes.
    var received: (() -> Void)?

    init(loop: EventLoop, fd: Int32, limit: Int) throws(SystemError) {
        self.loop = loop
        self.fd = fd
        self.limit = limit
        // Room for a typical token, so that the buffer (and a copy of it) rarely moves.
        bytes.reserveCapacity(min(limit, 16384))
        registration = try loop.register(fd, events: .readable, handler: self)
    }

    var isOpen: Bool { fd >= 0 }

    /// Reads at most this much per readiness event, so a command that writes without pause cannot
    /// hold the loop; the descriptor stays readable and the loop comes back.
    static let readBudget = 65536

    func handleIO(_ events: IOEvents) {
        drain(budget: Self.readBudget)
        received?()
    }

    /// Reads what is there now, up to `budget` bytes; closes at end of file or on an error.
    func drain(budget: Int) {
        guard fd >= 0 else { return }
        var left = budget
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16384) { chunk in
            defer { chunk.initialize(repeating: 0) }
            while left > 0 {
                let count = read(fd, chunk.baseAddress, chunk.count)
                if count < 0 && errno == EINTR { continue }
                if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
                guard count > 0 else {
                    close()
                    return
                }
                total += count
                left -= count
                let kept = min(count, limit - bytes.count)
                if kept > 0 { bytes.append(contentsOf: chunk[..<kept]) }
            }
        }
    }

    func close() {
        guard fd >= 0 else { return }
        if let registration { loop.deregister(registration, fd: fd) }
        registration = nil
        Glibc.close(fd)
        fd = -1
        received = nil
    }

    /// Overwrites what was kept (stdout holds the token).
    func clear() {
        bytes.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        bytes = []
    }
}
