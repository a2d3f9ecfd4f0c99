/// A token in service: the secret, how to present it, and when it was received, stops being
/// injected, expires and is due for refresh, all on the monotonic clock.
///
/// Prints as `Token(generation 3, Bearer, <redacted>, ...)`: the secret never shows.
package struct Token: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    package let secret: Secret
    /// The auth scheme: `Authorization: <scheme> <secret>`.
    package let scheme: String
    /// Increases by one with every token a credential receives (the first is 1), so a 401 can
    /// name the token it was answered to.
    package let generation: UInt64
    package let receivedAt: Instant
    package let lifetime: TokenLifetime
    /// Nil when the token has no known expiry.
    package let expiresAt: Instant?
    /// `expiresAt` less the safety margin: the token is injected only before this.
    package let usableUntil: Instant?
    /// When to start fetching its successor; nil when it is never refreshed on a timer.
    package let refreshAt: Instant?

    package init(
        secret: Secret,
        scheme: String,
        generation: UInt64,
        receivedAt: Instant,
        lifetime: TokenLifetime,
        refreshAt: Instant?
    ) {
        self.secret = secret
        self.scheme = scheme
        self.generation = generation
        self.receivedAt = receivedAt
        self.lifetime = lifetime
        self.refreshAt = refreshAt
        if let duration = lifetime.duration {
            expiresAt = receivedAt + duration
            usableUntil = receivedAt + duration - RefreshSchedule.safetyMargin(lifetime: duration)
        } else {
            expiresAt = nil
            usableUntil = nil
        }
    }

    /// Whether the token may be injected into a request leaving at `now`.
    package func isUsable(at now: Instant) -> Bool {
        usableUntil.map { now < $0 } ?? true
    }

    package var description: String {
        let expiry = expiresAt.map { "expires \($0)" } ?? "no expiry"
        return "Token(generation \(generation), \(scheme), \(secret), \(expiry))"
    }

    package var debugDescription: String { description }
}
