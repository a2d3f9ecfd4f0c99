import Systemd

/// What bearerd tells systemd, through libsystemd's `sd_notify`. Without `$NOTIFY_SOCKET` every call
/// does nothing. A failed send is logged once: systemd may be gone, bearerd keeps serving.
final class ServiceNotifier {
    private let notifier = Notifier()
    private let logger: Logger
    private var lastStatus: String?
    private var reportedFailure = false

    init(logger: Logger) {
        self.logger = logger
    }

    var isEnabled: Bool { notifier.isEnabled }

    func ready(status: String) {
        lastStatus = status
        send([.ready, .status(status)])
    }

    /// `RELOADING=1` with `MONOTONIC_USEC=`, which `Type=notify-reload` (systemd >= 253) requires.
    func reloading(status: String) {
        lastStatus = status
        send([.reloading(monotonicTime: MonotonicTime.now()), .status(status)])
    }

    func stopping(status: String) {
        lastStatus = status
        send([.stopping, .status(status)])
    }

    /// Sends `STATUS=` only when it changed.
    func status(_ text: String) {
        guard text != lastStatus else { return }
        lastStatus = text
        send([.status(text)])
    }

    func watchdog() {
        send([.watchdog])
    }

    /// Asks systemd to wait `duration` more from now (start and stop timeouts).
    func extendTimeout(by duration: Duration) {
        send([.extendTimeout(duration)])
    }

    private func send(_ fields: [NotifyField]) {
        do {
            try notifier.send(fields)
        } catch {
            guard !reportedFailure else { return }
            reportedFailure = true
            logger.warning("cannot notify systemd", ["error": "\(error)"])
        }
    }
}
