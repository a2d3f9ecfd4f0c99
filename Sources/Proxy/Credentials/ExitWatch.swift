import CLinux
import EventLoop
import Glibc

/// Tells the loop when a child process has exited: a pidfd registered for readability, or, where
/// the kernel has no pidfd_open (before Linux 5.3), a check every `pollInterval` with waitid's
/// WNOWAIT, which sees the exit without reaping.
final class ExitWatch: IOHandler {
    private let loop: EventLoop
    private let pid: pid_t
    private var fd: Int32 = -1
    private var registration: IORegistration?
    private var poll: ScheduledTimer?
    private var exited: (() -> Void)?

    static let pollInterval: Duration = .milliseconds(50)

    init(loop: EventLoop, pid: pid_t, exited: @escaping () -> Void) {
        self.loop = loop
        self.pid = pid
        self.exited = exited
        let fd = bearerd_pidfd_open(pid)
        if fd >= 0, let registration = try? loop.register(fd, events: .readable, handler: self) {
            self.fd = fd
            self.registration = registration
        } else {
            if fd >= 0 { Glibc.close(fd) }
            schedulePoll()
        }
    }

    func handleIO(_ events: IOEvents) {
        exited?()
    }

    func close() {
        exited = nil
        poll?.cancel()
        poll = nil
        if let registration { loop.deregister(registration, fd: fd) }
        registration = nil
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    private func schedulePoll() {
        poll = loop.schedule(after: Self.pollInterval) { [weak self] in
            guard let self, exited != nil else { return }
            var info = siginfo_t()
            let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
            // With WNOHANG, no exit yet leaves the pid field zero; an error means nothing to wait for.
            if result < 0 || info._sifields._sigchld.si_pid != 0 {
                exited?()
            } else {
                schedulePoll()
            }
        }
    }
}
