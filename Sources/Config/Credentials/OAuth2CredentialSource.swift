/// `source: "oauth2"`: the OAuth 2.0 client credentials grant (RFC 6749 §4.4).
///
/// ```
/// { source: "oauth2", tokenUrl: "https://login.example/oauth2/token", clientId: "agent",
///   clientSecret: { env: "CLIENT_SECRET" }, scopes: ["search.read"], audience: "https://api.example/" }
/// ```
/// The request is `grant_type=client_credentials` with `scope`, `audience`, `resource` and the extra
/// `parameters`, form-encoded. The client authenticates with HTTP Basic (`auth: "basic"`, the default,
/// RFC 6749 §2.3.1), with `client_id` and `client_secret` in the body (`auth: "post"`), or, without a
/// secret, with a client certificate alone (RFC 8705 mutual TLS: `client_id` goes in the body).
package struct OAuth2CredentialSource: Equatable, Sendable, CredentialSourceDetails {
    /// How the client proves who it is (`auth`).
    package enum ClientAuthentication: String, Equatable, Sendable, CaseIterable {
        /// `Authorization: Basic` with the form-encoded id and secret.
        case basic
        /// `client_id` and `client_secret` in the request body.
        case post
        /// `client_id` in the body; the client certificate authenticates (no `clientSecret`).
        case certificate
    }

    package var tokenURL: IssuerURL
    package var clientID: TextValue
    /// Nil only with `.certificate`.
    package var clientSecret: SecretReference?
    package var authentication: ClientAuthentication
    /// Sent space-separated as `scope` (RFC 6749 §3.3); empty: no `scope`.
    package var scopes: [String]
    package var audience: String?
    /// RFC 8707 resource indicator.
    package var resource: String?
    /// Extra form fields, in the order written.
    package var parameters: [NamedTextValue]
    /// PEM files for mutual TLS; the key may be in the certificate's file.
    package var clientCertificate: String?
    package var clientKey: String?
    package var caFile: String?
    package var proxy: ProxyURL?

    package init(
        tokenURL: IssuerURL, clientID: TextValue, clientSecret: SecretReference?,
        authentication: ClientAuthentication = .basic, scopes: [String] = [], audience: String? = nil,
        resource: String? = nil, parameters: [NamedTextValue] = [], clientCertificate: String? = nil,
        clientKey: String? = nil, caFile: String? = nil, proxy: ProxyURL? = nil
    ) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.authentication = authentication
        self.scopes = scopes
        self.audience = audience
        self.resource = resource
        self.parameters = parameters
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.caFile = caFile
        self.proxy = proxy
    }

    /// Form fields that have keys of their own.
    static let reservedParameters: Set<String> = [
        "grant_type", "client_id", "client_secret", "scope", "audience", "resource",
    ]

    /// `oauth2 https://login.example/oauth2/token, client "agent", secret from env CLIENT_SECRET, auth basic,
    /// scopes search.read, audience https://api.example/`
    var summary: String {
        var parts = ["oauth2 \(tokenURL)"]
        switch clientID {
        case .text(let id): parts.append("client \(ConfigurationPath.quoted(id))")
        case .secret(let reference): parts.append("client id from \(reference)")
        }
        if let clientSecret {
            parts.append("secret \(clientSecret.isLiteral ? "" : "from ")\(clientSecret)")
        }
        parts.append("auth \(authentication.rawValue)")
        if !scopes.isEmpty {
            parts.append("scopes \(scopes.joined(separator: " "))")
        }
        if let audience {
            parts.append("audience \(ConfigurationPath.quoted(audience))")
        }
        if let resource {
            parts.append("resource \(ConfigurationPath.quoted(resource))")
        }
        if !parameters.isEmpty {
            parts.append("parameters " + parameters.map { "\($0.name)" }.joined(separator: " "))
        }
        if let clientCertificate {
            parts.append("client certificate \(clientCertificate)" + (clientKey.map { " (key \($0))" } ?? ""))
        }
        parts += IssuerConnection.summary(caFile: caFile, proxy: proxy)
        return parts.joined(separator: ", ")
    }

    var secretReferences: [SecretReference] {
        (clientID.secretReference.map { [$0] } ?? []) + (clientSecret.map { [$0] } ?? [])
            + parameters.compactMap(\.value.secretReference)
    }
}
