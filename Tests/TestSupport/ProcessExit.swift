import CLinux
import Glibc

/// Waiting for a process the test did not start (one bearerd started) to exit, through a pidfd:
/// readable once the process has exited, whoever its parent is.
package enum ProcessExit {
    /// Waits until process `pid` has exited (a zombie counts: it runs no more); throws `.timeout`.
    package static func wait(for pid: pid_t, timeout: Duration = .seconds(5)) throws {
        let fd = bearerd_pidfd_open(pid)
        guard fd >= 0 else {
            if errno == ESRCH { return }
            throw TestSupportError.system("pidfd_open \(pid)")
        }
        defer { close(fd) }
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let deadline = Deadline.after(timeout)
        while !deadline.hasPassed {
            let ready = poll(&entry, 1, deadline.pollMilliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw TestSupportError.system("poll pidfd \(pid)") }
        }
        throw TestSupportError(.timeout, "timed out after \(timeout) waiting for process \(pid) to exit")
    }

    /// Whether process `pid` still runs (exists and is not a zombie).
    package static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? readFile("/proc/\(pid)/stat") else { return false }
        // `pid (comm) S ...`: the state follows the last ")".
        guard let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count else { return false }
        return stat[close + 2] != UInt8(ascii: "Z") && stat[close + 2] != UInt8(ascii: "X")
    }
}
