import CSystemd
import Glibc

/// Tells the service manager about bearerd's state through `sd_notify(3)`.
///
/// systemd gives a `Type=notify` service the path of a datagram socket in `$NOTIFY_SOCKET`; each
/// `send` is one datagram to it. Without the variable (started from a terminal, or by a manager that
/// does not listen) every send is a no-op that returns false before building any text, so callers
/// need not check: the watchdog ping from the event loop costs one `sd_notify` call (a socket, a
/// `sendmsg` and a close) when supervised and nothing otherwise.
///
/// The daemon's sequence (`systemd.service(5)`, Type=notify and Type=notify-reload):
/// ```
/// try notifier.ready(status: "3 routes, 2/2 credentials valid")     // start-up done
/// try notifier.extendTimeout(by: .seconds(10))                     // while waiting for first fetches
/// try notifier.reloading(status: "reloading configuration")        // on SIGHUP ...
/// try notifier.ready(status: "3 routes, 2/2 credentials valid")     // ... and when applied
/// try notifier.watchdog()                                          // every Watchdog.pingInterval
/// try notifier.stopping(status: "stopping, 4 requests in flight")  // on SIGTERM
/// ```
///
/// `NOTIFY_SOCKET` is read, never unset (`unset_environment` is 0): later sends still need it.
/// Children should get an explicit environment without it. Thread-safe: libsystemd opens a socket per
/// call and only reads the environment.
package struct Notifier: Sendable {
    /// Whether `$NOTIFY_SOCKET` was set when the notifier was made.
    package let isEnabled: Bool

    /// Reads `$NOTIFY_SOCKET` once.
    package init() {
        isEnabled = getenv("NOTIFY_SOCKET") != nil
    }

    /// Sends `fields` as one datagram. Returns true when it was sent, false when there is no service
    /// manager to tell (`sd_notify(3)`: 0 when `$NOTIFY_SOCKET` is unset).
    /// - Throws: `SystemdError` when the socket is unusable (`ECONNREFUSED`: nobody listens there).
    @discardableResult
    package func send(_ fields: [NotifyField]) throws(SystemdError) -> Bool {
        guard isEnabled, !fields.isEmpty else { return false }
        let result = sd_notify(0, NotifyField.message(fields))
        guard result >= 0 else { throw SystemdError("sd_notify", returned: result) }
        return result > 0
    }

    /// `READY=1` (with `STATUS=` when given): start-up or a reload finished (`sd_notify(3)`). With
    /// `Type=notify`, systemd starts units ordered after bearerd only now.
    @discardableResult
    package func ready(status: String? = nil) throws(SystemdError) -> Bool {
        try send(Self.withStatus(.ready, status))
    }

    /// `RELOADING=1` and `MONOTONIC_USEC=` now (with `STATUS=` when given): a reload begins. Send
    /// `ready` when it is done, whether the new configuration was applied or rejected: the manager
    /// waits in "reloading" until then (`sd_notify(3)` RELOADING=1).
    @discardableResult
    package func reloading(status: String? = nil) throws(SystemdError) -> Bool {
        guard isEnabled else { return false }
        return try send(Self.withStatus(.reloading(monotonicTime: MonotonicTime.now()), status))
    }

    /// `STOPPING=1` (with `STATUS=` when given): shutdown begins (`sd_notify(3)`).
    @discardableResult
    package func stopping(status: String? = nil) throws(SystemdError) -> Bool {
        try send(Self.withStatus(.stopping, status))
    }

    /// `STATUS=`: one line for `systemctl status`; see `NotifyField.status`.
    @discardableResult
    package func status(_ text: String) throws(SystemdError) -> Bool {
        try send([.status(text)])
    }

    /// `WATCHDOG=1`: the keep-alive ping (`systemd.service(5)` WatchdogSec=). Send it from the event
    /// loop itself, every `Watchdog.pingInterval`, so that a stuck loop stops the pings and systemd
    /// restarts bearerd.
    @discardableResult
    package func watchdog() throws(SystemdError) -> Bool {
        try send([.watchdog])
    }

    /// `EXTEND_TIMEOUT_USEC=`: asks for `duration` more before `TimeoutStartSec=` (while waiting for the
    /// first fetches) or `TimeoutStopSec=` (while draining) runs out (`sd_notify(3)`). Send again
    /// before it passes to extend further.
    @discardableResult
    package func extendTimeout(by duration: Duration) throws(SystemdError) -> Bool {
        try send([.extendTimeout(duration)])
    }

    private static func withStatus(_ field: NotifyField, _ status: String?) -> [NotifyField] {
        guard let status else { return [field] }
        return [field, .status(status)]
    }
}
