import CSystemd

/// The service watchdog (`systemd.service(5)` WatchdogSec=): systemd sets `$WATCHDOG_USEC` (and
/// `$WATCHDOG_PID`) and restarts bearerd when no `WATCHDOG=1` arrives within the interval.
package struct Watchdog: Sendable, Equatable {
    /// The interval systemd enforces.
    package var interval: Duration

    package init(interval: Duration) {
        self.interval = interval
    }

    /// How often to send `WATCHDOG=1`: half the interval, as `sd_watchdog_enabled(3)` recommends, so
    /// that one late ping is not yet a restart.
    package var pingInterval: Duration { interval / 2 }

    /// The watchdog systemd asks for, or nil when there is none: `$WATCHDOG_USEC` unset, or
    /// `$WATCHDOG_PID` naming another process (the variables were inherited from a parent that is
    /// supervised, `sd_watchdog_enabled(3)`).
    ///
    /// The variables are left in place (`unset_environment` is 0): `$WATCHDOG_PID` already keeps
    /// children from acting on them, and not writing the environment makes this safe to call from any
    /// thread at any time, such as on reload.
    ///
    /// - Throws: `SystemdError` when a variable is malformed (`EINVAL`), e.g. `WATCHDOG_USEC=soon`.
    package static func fromEnvironment() throws(SystemdError) -> Watchdog? {
        var microseconds: UInt64 = 0
        let result = sd_watchdog_enabled(0, &microseconds)
        guard result >= 0 else { throw SystemdError("sd_watchdog_enabled", returned: result) }
        guard result > 0 else { return nil }
        let capped = Int64(clamping: microseconds)
        return Watchdog(interval: .microseconds(capped))
    }
}
