/// A moment on bearerd's monotonic clock: the time elapsed since an arbitrary origin.
///
/// All scheduling in TokenCore uses `Instant` and `Duration`. The shell fills it from
/// `CLOCK_BOOTTIME`, which keeps counting while the machine is suspended, so a token's expiry is
/// still in the past after a resume. Only differences between instants mean anything.
package struct Instant: InstantProtocol, Hashable, Sendable, CustomStringConvertible {
    package var sinceOrigin: Duration

    package init(sinceOrigin: Duration) {
        self.sinceOrigin = sinceOrigin
    }

    package func advanced(by duration: Duration) -> Instant {
        Instant(sinceOrigin: sinceOrigin + duration)
    }

    package func duration(to other: Instant) -> Duration {
        other.sinceOrigin - sinceOrigin
    }

    package static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.sinceOrigin < rhs.sinceOrigin
    }

    package static func + (lhs: Instant, rhs: Duration) -> Instant {
        lhs.advanced(by: rhs)
    }

    package static func - (lhs: Instant, rhs: Duration) -> Instant {
        lhs.advanced(by: .zero - rhs)
    }

    package static func - (lhs: Instant, rhs: Instant) -> Duration {
        rhs.duration(to: lhs)
    }

    package var description: String { "Instant(\(sinceOrigin))" }
}
