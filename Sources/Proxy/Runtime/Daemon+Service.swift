import EventLoop
import Systemd
import TokenCore

/// Readiness, status and watchdog: what systemd hears while bearerd runs.
extension Daemon {
    /// How often, while the first fetches run, systemd is asked to wait longer.
    static let startExtensionInterval: Duration = .seconds(5)
    /// Added to each extension, so systemd's deadline stays just after bearerd's own.
    static let extensionMargin: Duration = .seconds(5)

    func startServiceProtocol() {
        if let watchdog = try? Watchdog.fromEnvironment() {
            scheduleWatchdog(every: watchdog.pingInterval)
        }
        if configuration.service.readyWhen == .listening || pendingCredentials.isEmpty {
            becomeReady()
            return
        }
        let deadline = loop.now.advanced(by: configuration.service.readyTimeout)
        notifier.status(StatusLine.waiting(for: pendingCredentials))
        extendStart(until: deadline)
        readyDeadline = loop.schedule(at: deadline) { [unowned self] in
            guard lifecycle == .starting else { return }
            logger.warning("ready without every first token", ["waitingFor": pendingCredentials.joined(separator: ",")])
            becomeReady()
        }
    }

    /// Credentials whose first fetch has not finished.
    var pendingCredentials: [String] {
        credentials.filter { !$0.value.credential.hasAttemptedFetch }.map(\.key).sorted()
    }

    private func extendStart(until deadline: LoopInstant) {
        guard lifecycle == .starting else { return }
        notifier.extendTimeout(by: (deadline - loop.now) + Self.extensionMargin)
        startExtension = loop.schedule(after: Self.startExtensionInterval) { [unowned self] in
            extendStart(until: deadline)
        }
    }

    func becomeReady() {
        guard lifecycle == .starting else { return }
        lifecycle = .running
        readyDeadline?.cancel()
        startExtension?.cancel()
        notifier.ready(status: statusLine())
        logger.info("ready", ["status": statusLine()])
    }

    /// A credential fetched (or failed to): readiness and the status line may change.
    func credentialsChanged() {
        switch lifecycle {
        case .starting where pendingCredentials.isEmpty: becomeReady()
        case .starting: notifier.status(StatusLine.waiting(for: pendingCredentials))
        case .running: notifier.status(statusLine())
        case .stopping: break
        }
    }

    func statusLine() -> String {
        let now = Instant(loop.now)
        let states = credentials.sorted { $0.key < $1.key }.map {
            StatusLine.CredentialState(name: $0.key, status: $0.value.credential.status)
        }
        var line = StatusLine.running(routes: configuration.routes.count, credentials: states, now: now)
        if let reloadProblem { line += "; reload failed: \(reloadProblem)" }
        return line
    }

    /// Pings from the loop itself: a stuck loop stops the pings and systemd restarts bearerd.
    private func scheduleWatchdog(every interval: Duration) {
        notifier.watchdog()
        watchdogPing = loop.schedule(after: interval) { [unowned self] in
            scheduleWatchdog(every: interval)
        }
    }
}
