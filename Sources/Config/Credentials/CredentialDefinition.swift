/// A named credential: where its token comes from, how long a token lives, and how fetches are timed.
package struct CredentialDefinition: Equatable, Sendable {
    /// The name routes refer to; matches `[A-Za-z0-9_.-]+`.
    package var name: String
    package var source: CredentialSource
    /// The scheme put in `{type}` of a route's format, e.g. `Bearer`; an HTTP token.
    package var type: String
    /// How long a token lives when the source does not say (`ttl`); nil: until replaced.
    package var ttl: Duration?
    /// The fraction of a token's lifetime after which a fresh one is fetched, 0.1...0.95.
    package var refreshAt: Double
    /// How long one fetch may take before it counts as a transient failure (`fetchTimeout`).
    package var fetchTimeout: Duration
    /// The backoff after transient failures (`retry`).
    package var retry: CredentialRetry

    package static let defaultType = "Bearer"
    package static let defaultRefreshAt = 0.8
    package static let refreshAtRange = 0.1...0.95
    package static let defaultFetchTimeout: Duration = .seconds(30)

    package init(
        name: String, source: CredentialSource, type: String = defaultType, ttl: Duration? = nil,
        refreshAt: Double = defaultRefreshAt, fetchTimeout: Duration = defaultFetchTimeout,
        retry: CredentialRetry = .default
    ) {
        self.name = name
        self.source = source
        self.type = type
        self.ttl = ttl
        self.refreshAt = refreshAt
        self.fetchTimeout = fetchTimeout
        self.retry = retry
    }
}
