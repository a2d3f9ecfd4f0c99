import EventLoop
import TokenCore

/// A token given in the configuration (from the environment, a file read at start, a systemd
/// credential): every fetch hands over the same value.
final class StaticTokenSource: TokenSource {
    private let loop: EventLoop
    private let material: TokenMaterial
    private var pending: ScheduledTimer?
    var changed: (() -> Void)?
    /// The same value again would draw the same 401.
    var refreshesOnRejection: Bool { false }

    init(loop: EventLoop, secret: Secret, scheme: String?) {
        self.loop = loop
        material = TokenMaterial(secret: secret, scheme: scheme)
    }

    func fetch(_ completion: @escaping (Result<TokenMaterial, FetchFailure>) -> Void) {
        let material = material
        pending = loop.schedule(after: .zero) { completion(.success(material)) }
    }

    func cancel() {
        pending?.cancel()
        pending = nil
    }

    func stop() {
        cancel()
    }

    /// The definition names the same place (an environment variable, a file), but the value read
    /// there may have changed since: only the same value keeps the cache.
    func producesSameTokens(as other: TokenSource) -> Bool {
        guard let other = other as? StaticTokenSource else { return false }
        return material.secret.isEqual(to: other.material.secret) && material.scheme == other.material.scheme
    }
}
