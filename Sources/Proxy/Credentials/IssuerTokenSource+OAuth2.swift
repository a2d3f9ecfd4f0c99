import Config
import Curl
import TokenCore

extension IssuerTokenSource {
    /// OAuth2 client credentials (RFC 6749 §4.4), the answer read by `TokenResponse.parseOAuth2`.
    ///
    /// The body is `grant_type=client_credentials`, then `scope`, `audience`, `resource` and the extra
    /// parameters in the order written, then, for `post` and mutual TLS, `client_id` (and for `post`
    /// `client_secret`), all form-encoded. With `basic` the id and secret are form-encoded, joined by
    /// `:` and sent as `Authorization: Basic` (RFC 6749 §2.3.1).
    static func oauth2(
        _ source: OAuth2CredentialSource, curl: CurlMulti, resolver: SecretResolver, scheme: String?
    ) throws(ConfigurationError) -> IssuerTokenSource {
        let clientID = try resolver.resolve(source.clientID)
        let clientSecret = try source.clientSecret.map { reference throws(ConfigurationError) in
            try resolver.resolve(reference)
        }
        var fields: [(name: String, value: Secret)] = [("grant_type", Secret("client_credentials"))]
        if !source.scopes.isEmpty { fields.append(("scope", Secret(source.scopes.joined(separator: " ")))) }
        if let audience = source.audience { fields.append(("audience", Secret(audience))) }
        if let resource = source.resource { fields.append(("resource", Secret(resource))) }
        for parameter in source.parameters {
            fields.append((parameter.name, try resolver.resolve(parameter.value)))
        }
        var headers: [IssuerRequest.Header] = []
        switch source.authentication {
        case .basic:
            headers.append(
                IssuerRequest.Header(
                    name: "Authorization", value: basicAuthorization(clientID, clientSecret ?? Secret("")))
            )
        case .post:
            fields.append(("client_id", clientID))
            fields.append(("client_secret", clientSecret ?? Secret("")))
        case .certificate:
            fields.append(("client_id", clientID))
        }
        let request = IssuerRequest(
            url: source.tokenURL.original, method: "POST", headers: headers, body: formBody(fields),
            contentType: "application/x-www-form-urlencoded", caFile: source.caFile,
            proxy: source.proxy?.description, clientCertificate: source.clientCertificate, clientKey: source.clientKey)
        return IssuerTokenSource(curl: curl, request: request, scheme: scheme) {
            status, retryAfter, body throws(FetchFailure) in
            try TokenResponse.parseOAuth2(status: status, retryAfter: retryAfter, body: body)
        }
    }

    /// `name=value&...`, form-encoded.
    static func formBody(_ fields: [(name: String, value: Secret)]) -> Secret {
        let capacity = fields.reduce(0) { $0 + $1.name.utf8.count * 3 + $1.value.count * 3 + 2 }
        var bytes = SecretBytes(capacity: capacity)
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "&")) }
            bytes.appendFormEncoded(field.name)
            bytes.append(UInt8(ascii: "="))
            bytes.appendFormEncoded(field.value)
        }
        return bytes.secret
    }

    /// `Basic base64(form(id) ":" form(secret))`.
    static func basicAuthorization(_ clientID: Secret, _ clientSecret: Secret) -> Secret {
        var credentials = SecretBytes(capacity: (clientID.count + clientSecret.count) * 3 + 1)
        credentials.appendFormEncoded(clientID)
        credentials.append(UInt8(ascii: ":"))
        credentials.appendFormEncoded(clientSecret)
        var value = SecretBytes(capacity: 6 + Base64.encodedCount(credentials.count))
        value.append("Basic ")
        value.appendBase64(of: credentials)
        return value.secret
    }
}
