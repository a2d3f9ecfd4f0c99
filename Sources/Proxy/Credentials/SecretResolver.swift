import Config
import TokenCore

/// Reads the values a source's configuration refers to, once, when the configuration is applied.
/// Errors name the key path and the variable or file, never the value.
struct SecretResolver {
    var environment: [String: String]

    func resolve(_ reference: SecretReference) throws(ConfigurationError) -> Secret {
        try reference.resolve(environment: environment, readFile: FileBytes.read)
    }

    /// A plain value as written, or the secret it refers to.
    func resolve(_ value: TextValue) throws(ConfigurationError) -> Secret {
        switch value {
        case .text(let text): Secret(text)
        case .secret(let reference): try resolve(reference)
        }
    }
}
