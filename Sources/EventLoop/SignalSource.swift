import CLinux
import Glibc

/// Delivers signals as loop events through a signalfd, so a handler runs on the loop like any other
/// event instead of interrupting it. The signals must be blocked in every thread before any thread
/// starts (`blockInCallingThread` from `main` first), or a thread that has them unblocked gets them.
package final class SignalSource: IOHandler {
    private let fd: Int32
    private var registration: IORegistration?
    private let handler: (Int32) -> Void
    private unowned let loop: EventLoop

    /// Blocks `signals` for the calling thread and the threads it creates later.
    package static func block(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    package init(loop: EventLoop, signals: [Int32], handler: @escaping (Int32) -> Void) throws(SystemError) {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        fd = try blockingSyscall("signalfd") { signalfd(-1, &set, Int32(SFD_NONBLOCK | SFD_CLOEXEC)) }
        self.handler = handler
        self.loop = loop
        do {
            registration = try loop.register(fd, events: .readable, handler: self)
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    /// Stops watching; call before the loop goes away (the loop holds its handlers until then).
    package func close() {
        guard let registration else { return }
        loop.deregister(registration, fd: fd)
        self.registration = nil
        Glibc.close(fd)
    }

    package func handleIO(_ events: IOEvents) {
        var info = signalfd_siginfo()
        while read(fd, &info, MemoryLayout<signalfd_siginfo>.size) == MemoryLayout<signalfd_siginfo>.size {
            handler(Int32(info.ssi_signo))
        }
    }
}
