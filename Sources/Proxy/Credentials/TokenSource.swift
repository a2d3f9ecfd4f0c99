import TokenCore

/// Where a credential's tokens come from: a value from the configuration, a file, an issuer.
protocol TokenSource: AnyObject {
    /// Starts one fetch. `completion` runs exactly once, on the loop and never from inside `fetch`,
    /// unless `cancel()` comes first.
    func fetch(_ completion: @escaping (Result<TokenMaterial, FetchFailure>) -> Void)

    /// Abandons the fetch in flight; its completion will not run.
    func cancel()

    /// Called when the source notices that what it would fetch has changed (a rotated file).
    var changed: (() -> Void)? { get set }

    /// Stops background work (watching a file) for good.
    func stop()

    /// Whether fetching again can give another token (not for a fixed value): decides whether an
    /// upstream 401 invalidates the token and the request is replayed.
    var refreshesOnRejection: Bool { get }

    /// Whether `other`, built from an unchanged definition on reload, would hand over the same tokens,
    /// so the credential keeps its cache. The definition being equal is checked before.
    func producesSameTokens(as other: TokenSource) -> Bool
}

extension TokenSource {
    var refreshesOnRejection: Bool { true }

    func producesSameTokens(as other: TokenSource) -> Bool {
        type(of: self) == type(of: other)
    }
}
