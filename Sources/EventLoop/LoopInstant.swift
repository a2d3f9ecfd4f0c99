import CLinux
import Glibc

/// A moment on the clock that keeps counting while the machine sleeps (`CLOCK_BOOTTIME`), so a
/// refresh planned for "in 8 minutes" is due 8 minutes later even across a suspend.
package struct LoopInstant: Comparable, Hashable, Sendable {
    /// Nanoseconds since boot.
    package var nanoseconds: Int64

    package init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    package static func now() -> LoopInstant {
        var spec = timespec()
        clock_gettime(CLOCK_BOOTTIME, &spec)
        return LoopInstant(nanoseconds: Int64(spec.tv_sec) &* 1_000_000_000 &+ Int64(spec.tv_nsec))
    }

    package static let distantFuture = LoopInstant(nanoseconds: .max)

    package static func < (lhs: LoopInstant, rhs: LoopInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    package func advanced(by duration: Duration) -> LoopInstant {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds > 0 ? .distantFuture : LoopInstant(nanoseconds: .min) }
        let (sum, overflow2) = nanoseconds.addingReportingOverflow(scaled &+ attoseconds / 1_000_000_000)
        if overflow2 { return seconds > 0 ? .distantFuture : LoopInstant(nanoseconds: .min) }
        return LoopInstant(nanoseconds: sum)
    }

    package static func - (lhs: LoopInstant, rhs: LoopInstant) -> Duration {
        .nanoseconds(lhs.nanoseconds &- rhs.nanoseconds)
    }
}

extension Duration {
    /// Whole milliseconds, rounded up, clamped to `Int32` (what `epoll_wait` takes).
    package var millisecondsRoundedUp: Int32 {
        let (seconds, attoseconds) = components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return 0 }
        if seconds >= Int64(Int32.max / 1000) { return Int32.max }
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(millis)
    }
}
