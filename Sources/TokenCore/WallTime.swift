/// A moment on the wall clock: the time since the Unix epoch (1970-01-01T00:00:00Z).
///
/// Wall time jumps (NTP, a wrong RTC, an operator) and is never used for scheduling. TokenCore
/// needs it only where a token states an absolute expiry (a JWT `exp`, an `expiresAt`): the
/// shell passes the wall time of a token's arrival, and the expiry is turned into a monotonic
/// `Instant` right there.
package struct WallTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var sinceEpoch: Duration

    package init(sinceEpoch: Duration) {
        self.sinceEpoch = sinceEpoch
    }

    /// From the two fields of a `timespec` read from `CLOCK_REALTIME`.
    package init(secondsSinceEpoch seconds: Int64, nanoseconds: Int64 = 0) {
        sinceEpoch = .seconds(seconds) + .nanoseconds(nanoseconds)
    }

    /// Seconds as a JSON number or a JWT `NumericDate` gives them, or nil when the value is not
    /// finite or lies beyond `Duration.maximumInputSeconds` either side of the epoch.
    package init?(inputSeconds seconds: Double) {
        guard let duration = Duration(inputSeconds: seconds) else { return nil }
        sinceEpoch = duration
    }

    package static func < (lhs: WallTime, rhs: WallTime) -> Bool {
        lhs.sinceEpoch < rhs.sinceEpoch
    }

    package static func - (lhs: WallTime, rhs: WallTime) -> Duration {
        lhs.sinceEpoch - rhs.sinceEpoch
    }

    package static func + (lhs: WallTime, rhs: Duration) -> WallTime {
        WallTime(sinceEpoch: lhs.sinceEpoch + rhs)
    }

    package var description: String { "WallTime(\(sinceEpoch) since epoch)" }
}

extension Duration {
    /// The largest number of seconds accepted from input (about 31,700 years). Input beyond it is
    /// refused, so arithmetic on durations built from issuer-supplied numbers cannot overflow.
    package static let maximumInputSeconds: Double = 1e12

    /// Seconds from input (JSON, a JWT claim), rounded to the nanosecond, or nil when not finite
    /// or beyond `maximumInputSeconds` in magnitude.
    package init?(inputSeconds seconds: Double) {
        guard seconds.isFinite, abs(seconds) <= Self.maximumInputSeconds else { return nil }
        let whole = seconds.rounded(.towardZero)
        self = .seconds(Int64(whole)) + .nanoseconds(Int64(((seconds - whole) * 1e9).rounded()))
    }
}
