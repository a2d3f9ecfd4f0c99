/// `retry: { base: "1s", max: "60s" }`: the exponential backoff after transient failures (timeouts,
/// 5xx, 429, an unreachable issuer). The first retry waits up to `base`, each further one up to twice
/// as long, never more than `max` (with full jitter). Permanent failures keep their own, longer
/// backoff. A key left out takes its default, moved if need be so that `base <= max` holds.
package struct CredentialRetry: Equatable, Sendable, CustomStringConvertible {
    package var base: Duration
    package var max: Duration

    package init(base: Duration, max: Duration) {
        self.base = base
        self.max = max
    }

    package static let `default` = CredentialRetry(base: .seconds(1), max: .seconds(60))

    /// `1s..1m`
    package var description: String { "\(DurationSyntax.format(base))..\(DurationSyntax.format(max))" }
}

extension CredentialRetry: ConfigurationDecodable {
    static let keys = ["base", "max"]

    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(decoder, knownKeys: Self.keys)
        let base = object.optional("base") { try $0.duration() }
        let max = object.optional("max") { try $0.duration() }
        if let base, let max, base > max {
            object.report("base \(DurationSyntax.format(base)) is longer than max \(DurationSyntax.format(max))")
        }
        try object.finish()
        // A default gives way to the value written next to it: `max: "500ms"` alone lowers the base too.
        let (defaultBase, defaultMax) = (Self.default.base, Self.default.max)
        self.init(
            base: base ?? Swift.min(defaultBase, max ?? defaultBase),
            max: max ?? Swift.max(defaultMax, base ?? defaultMax))
    }
}
