import TokenCore

/// Where a secret comes from: an environment variable, a file, a systemd credential, or (for demos)
/// the configuration file itself.
///
/// Only a literal holds the secret; the others are read by `resolve`. Two references are equal when
/// they name the same place, or hold literals with equal bytes (compared with `Secret.isEqual(to:)`),
/// so a reload can tell an unchanged credential. The description never shows a literal's bytes.
package struct SecretReference: Equatable, Sendable, CustomStringConvertible {
    package enum Origin: Equatable, Sendable {
        /// `{ env: "NAME" }`
        case environment(String)
        /// `{ file: "/absolute/path" }`
        case file(String)
        /// `{ systemd: "NAME" }`: the file NAME in `$CREDENTIALS_DIRECTORY` (systemd's LoadCredential=).
        case systemd(String)
        /// A plain string in the file; `check` warns about it.
        case literal(Secret)

        package static func == (lhs: Origin, rhs: Origin) -> Bool {
            switch (lhs, rhs) {
            case (.environment(let left), .environment(let right)),
                (.file(let left), .file(let right)),
                (.systemd(let left), .systemd(let right)):
                left == right
            case (.literal(let left), .literal(let right)):
                left.isEqual(to: right)
            default:
                false
            }
        }
    }

    package var origin: Origin
    /// Where the reference is written (`credentials.brave.value`); resolution errors name it.
    package var keyPath: ConfigurationPath

    package init(_ origin: Origin, at keyPath: ConfigurationPath) {
        self.origin = origin
        self.keyPath = keyPath
    }

    package var isLiteral: Bool {
        if case .literal = origin { true } else { false }
    }

    /// `env BRAVE_API_KEY`, `file /path`, `systemd NAME`, `inline literal (22 bytes)`.
    package var description: String {
        switch origin {
        case .environment(let name): "env \(name)"
        case .file(let path): "file \(path)"
        case .systemd(let name): "systemd credential \(name)"
        case .literal(let secret): "inline literal (\(secret.count) bytes)"
        }
    }
}
