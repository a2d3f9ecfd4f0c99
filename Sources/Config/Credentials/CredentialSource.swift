/// Where a credential's token comes from.
///
/// Adding a source: a case here, its entry in `kinds` and `details`, and one file with its model type
/// and its `CredentialSourceKind` (see `FileCredentialSource.swift`).
package enum CredentialSource: Equatable, Sendable {
    /// A fixed token from a `SecretReference` (`source: "static"`).
    case `static`(StaticCredentialSource)
    /// A token file, re-read when it changes (`source: "file"`).
    case file(FileCredentialSource)
    /// A token endpoint (`source: "http"`).
    case http(HTTPCredentialSource)
    /// OAuth2 client credentials (`source: "oauth2"`).
    case oauth2(OAuth2CredentialSource)
    /// A command that prints a token (`source: "exec"`).
    case exec(ExecCredentialSource)

    /// Every source a configuration may name, in the order error messages list them.
    static let kinds: [CredentialSourceKind] = [
        StaticCredentialSource.kind, FileCredentialSource.kind, HTTPCredentialSource.kind, OAuth2CredentialSource.kind,
        ExecCredentialSource.kind,
    ]

    var details: any CredentialSourceDetails {
        switch self {
        case .static(let source): source
        case .file(let source): source
        case .http(let source): source
        case .oauth2(let source): source
        case .exec(let source): source
        }
    }

    /// `static, value from env BRAVE_API_KEY`; never a secret.
    package var summary: String { details.summary }

    /// The secrets this source reads, for warnings and for resolving them at start-up.
    package var secretReferences: [SecretReference] { details.secretReferences }
}

/// What every source's model type tells the rest of the configuration.
protocol CredentialSourceDetails: Sendable {
    var summary: String { get }
    var secretReferences: [SecretReference] { get }
}

/// How one kind of source is named and decoded.
struct CredentialSourceKind: Sendable {
    /// The value of `source`.
    var name: String
    /// The keys this source reads besides the common ones.
    var keys: [String]
    /// Reads the source's keys; nil after reporting a problem to `object`.
    var decode: @Sendable (inout ObjectReader) -> CredentialSource?
}
