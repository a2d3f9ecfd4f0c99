import Glibc

/// A point on CLOCK_MONOTONIC by which a wait must end.
///
/// Peers wait with poll(2) and pthread_cond_timedwait, which both speak this clock, so a deadline is
/// kept in its nanoseconds rather than as a `ContinuousClock` instant (CLOCK_BOOTTIME on Linux).
package struct Deadline: Sendable {
    private let nanoseconds: Int64

    /// The deadline `duration` from now.
    package static func after(_ duration: Duration) -> Deadline {
        Deadline(nanoseconds: monotonicNow() &+ duration.nanoseconds)
    }

    /// Time left, zero once passed.
    package var remaining: Duration {
        .nanoseconds(max(0, nanoseconds &- Self.monotonicNow()))
    }

    package var hasPassed: Bool { Self.monotonicNow() >= nanoseconds }

    /// The timeout argument of poll(2): rounded up so a wait never ends before the deadline.
    var pollMilliseconds: Int32 {
        let left = max(0, nanoseconds &- Self.monotonicNow())
        return Int32(clamping: (left &+ 999_999) / 1_000_000)
    }

    /// The absolute time pthread_cond_timedwait wants (its condition uses CLOCK_MONOTONIC).
    var timespec: Glibc.timespec {
        Glibc.timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
    }

    private static func monotonicNow() -> Int64 {
        var now = Glibc.timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) &* 1_000_000_000 &+ Int64(now.tv_nsec)
    }
}

/// The poll(2) timeout for an optional deadline: none means wait for ever.
func pollMilliseconds(_ deadline: Deadline?) -> Int32 {
    deadline?.pollMilliseconds ?? -1
}

extension Duration {
    /// Whole nanoseconds, saturating instead of trapping for absurd durations.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return scaled &+ attoseconds / 1_000_000_000
    }
}
