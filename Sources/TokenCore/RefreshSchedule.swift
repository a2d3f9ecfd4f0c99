/// When to fetch a token's successor, and until when the token may still be injected.
package enum RefreshSchedule {
    /// Jitter takes up to this fraction of the lifetime off the refresh moment...
    package static let jitterFraction = 0.05
    /// ...but never more than this, so long-lived tokens are not refreshed minutes early.
    package static let maximumJitter: Duration = .seconds(30)
    /// The refresh moment is never earlier than this fraction of the lifetime.
    package static let earliestFraction = 0.5
    /// A token stops being injected this fraction of its lifetime before it expires...
    package static let marginFraction = 0.1
    /// ...but never more than this before.
    package static let maximumMargin: Duration = .seconds(10)

    /// `min(lifetime * 0.1, 10 s)`: a token is injected only while `now < expiresAt - margin`,
    /// so a request does not reach the upstream carrying a token that expired on the way.
    package static func safetyMargin(lifetime: Duration) -> Duration {
        min(lifetime * marginFraction, maximumMargin)
    }

    /// The moment to start fetching a successor for a token of `lifetime` arriving at `arrival`:
    ///
    ///     arrival + lifetime * refreshAt - uniform(0, min(lifetime * 0.05, 30 s))
    ///
    /// never earlier than `arrival + lifetime * 0.5`, and never later than the moment the token
    /// stops being usable (which a `refreshAt` near 0.95 with a short lifetime would pass).
    /// `refreshAt` is clamped to `RefreshPolicy.refreshAtRange`.
    package static func refreshMoment(
        arrival: Instant,
        lifetime: Duration,
        refreshAt: Double,
        using generator: inout some RandomNumberGenerator
    ) -> Instant {
        let fraction = RefreshPolicy.clamped(refreshAt: refreshAt)
        let jitter = Duration.random(upTo: min(lifetime * jitterFraction, maximumJitter), using: &generator)
        let planned = arrival + lifetime * fraction - jitter
        let lastUsable = arrival + lifetime - safetyMargin(lifetime: lifetime)
        let earliest = arrival + lifetime * earliestFraction
        return max(earliest, min(planned, lastUsable))
    }
}
