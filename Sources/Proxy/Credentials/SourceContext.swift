import Config
import Curl
import EventLoop

/// What building a source needs besides its definition.
final class SourceContext {
    let loop: EventLoop
    let logger: Logger
    let resolver: SecretResolver
    /// The issuer sources' own multi handle, made once if any needs it; token fetches keep their
    /// connections apart from the upstreams'.
    let curl: Result<CurlMulti, CurlSetupError>?

    init(loop: EventLoop, logger: Logger, resolver: SecretResolver, needsCurl: Bool) {
        self.loop = loop
        self.logger = logger
        self.resolver = resolver
        curl = needsCurl ? Result { () throws(CurlSetupError) in try CurlMulti(loop: loop) } : nil
    }

    func curlMulti(for definition: CredentialDefinition) throws(ConfigurationError) -> CurlMulti {
        guard case .success(let multi) = curl else {
            throw ConfigurationError(
                at: ConfigurationPath([.key("credentials"), .key(definition.name)]), "libcurl could not be initialised")
        }
        return multi
    }
}

extension CredentialSource {
    /// Whether the source's fetches are libcurl transfers.
    var fetchesOverHTTP: Bool {
        switch self {
        case .http, .oauth2: true
        case .static, .file, .exec: false
        }
    }
}
