/// How one credential's tokens are refreshed and retried. The configuration layer validates the
/// values and reports mistakes; TokenCore clamps what it must so no value can make it misbehave.
package struct RefreshPolicy: Sendable, Equatable {
    /// The fraction of a token's lifetime after which its successor is fetched.
    package var refreshAt: Double
    /// The lifetime of a token that states none (no JWT `exp`, no `expires_in`); nil: unlimited.
    package var ttl: Duration?
    /// How long a fetch may take; the shell enforces it and reports a transient failure.
    package var fetchTimeout: Duration
    /// The least time between the starts of two fetches of this credential, whatever asks for
    /// them (401s, file changes, expiry after a suspend).
    package var minimumFetchInterval: Duration
    /// Backoff after timeouts, 5xx, 429 and other failures that may pass.
    package var transientBackoff: Backoff
    /// Backoff after the issuer rejected the client or answered something unusable.
    package var permanentBackoff: Backoff
    /// The longest `Retry-After` honoured; an issuer asking for longer is retried after this.
    package var maximumRetryAfter: Duration

    package init(
        refreshAt: Double = 0.8,
        ttl: Duration? = nil,
        fetchTimeout: Duration = .seconds(30),
        minimumFetchInterval: Duration = .seconds(1),
        transientBackoff: Backoff = .transient,
        permanentBackoff: Backoff = .permanent,
        maximumRetryAfter: Duration = .seconds(600)
    ) {
        self.refreshAt = refreshAt
        self.ttl = ttl
        self.fetchTimeout = fetchTimeout
        self.minimumFetchInterval = minimumFetchInterval
        self.transientBackoff = transientBackoff
        self.permanentBackoff = permanentBackoff
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// The values of `refreshAt` the configuration accepts.
    package static let refreshAtRange: ClosedRange<Double> = 0.1...0.95

    /// `refreshAt` forced into `refreshAtRange`; NaN becomes the default 0.8.
    package static func clamped(refreshAt: Double) -> Double {
        refreshAt.isNaN ? 0.8 : min(max(refreshAt, refreshAtRange.lowerBound), refreshAtRange.upperBound)
    }
}
