/// A named credential: where its token comes from and how long a token lives.
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

    package static let defaultType = "Bearer"
    package static let defaultRefreshAt = 0.8
    package static let refreshAtRange = 0.1...0.95

    package init(
        name: String, source: CredentialSource, type: String = defaultType, ttl: Duration? = nil,
        refreshAt: Double = defaultRefreshAt
    ) {
        self.name = name
        self.source = source
        self.type = type
        self.ttl = ttl
        self.refreshAt = refreshAt
    }
}
