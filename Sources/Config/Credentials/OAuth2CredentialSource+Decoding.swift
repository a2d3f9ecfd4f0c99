extension OAuth2CredentialSource {
    static let kind = CredentialSourceKind(
        name: "oauth2",
        keys: [
            "tokenUrl", "clientId", "clientSecret", "auth", "scopes", "audience", "resource", "parameters",
            "clientCertificate", "clientKey", "caFile", "proxy",
        ]
    ) { object in
        let tokenURL = object.required("tokenUrl") { try IssuerURL(parsing: $0.string()) }
        let clientID = object.required("clientId") { member in
            let value = try member.textValue()
            if case .text(let text) = value { try Self.checkFormText(text) }
            return value
        }
        let certificate = object.optional("clientCertificate") { try PathSyntax.absoluteFile($0.string()) }
        let key = object.optional("clientKey") { try PathSyntax.absoluteFile($0.string()) }
        if key != nil, certificate == nil, !object.contains("clientCertificate") {
            object.report("a client key needs clientCertificate", at: "clientKey")
        }
        let secret: SecretReference? =
            if certificate == nil, !object.contains("clientCertificate") {
                object.required("clientSecret") { try $0.decode(SecretReference.self) }
            } else {
                object.optional("clientSecret") { try $0.decode(SecretReference.self) }
            }
        let choices = [ClientAuthentication.basic, .post].map { ($0.rawValue, $0) }
        var authentication = object.optional("auth") { try $0.choice(choices, describing: "client authentication") }
        if authentication != nil, secret == nil, !object.contains("clientSecret") {
            object.report("basic and post send clientSecret, which is not given", at: "auth")
        }
        if secret == nil, !object.contains("clientSecret") {
            authentication = .certificate
        }
        let scopes = object.optional("scopes") { try $0.strings(Self.scope) }
        let audience = object.optional("audience") { member in
            let text = try member.string()
            try Self.checkFormText(text)
            return text
        }
        let resource = object.optional("resource") { member in
            let text = try member.string()
            try Self.checkFormText(text)
            return text
        }
        let parameters = object.optional("parameters") { member in
            try member.namedTextValues(caseInsensitive: false) { name, value throws(InvalidValue) in
                guard !name.isEmpty else { throw InvalidValue("a parameter needs a name") }
                guard !Self.reservedParameters.contains(name) else {
                    throw InvalidValue("\(ConfigurationPath.quoted(name)) is set by bearerd or by a key of its own")
                }
                if case .text(let text) = value { try Self.checkFormText(text) }
            }
        }
        let (caFile, proxy) = IssuerConnection.decode(&object)
        guard let tokenURL, let clientID else { return nil }
        return .oauth2(
            Self(
                tokenURL: tokenURL, clientID: clientID, clientSecret: secret, authentication: authentication ?? .basic,
                scopes: scopes ?? [], audience: audience, resource: resource, parameters: parameters ?? [],
                clientCertificate: certificate, clientKey: key, caFile: caFile, proxy: proxy))
    }

    /// `scope-token = 1*( %x21 / %x23-5B / %x5D-7E )` (RFC 6749 §3.3).
    private static func scope(_ text: String) throws(InvalidValue) -> String {
        guard !text.isEmpty,
            text.utf8.allSatisfy({ $0 == 0x21 || (0x23...0x5B).contains($0) || (0x5D...0x7E).contains($0) })
        else {
            throw InvalidValue(#"expected a scope: visible ASCII without spaces, '"' or '\'"#)
        }
        return text
    }

    /// A plain form value: not empty, no control characters.
    private static func checkFormText(_ text: String) throws(InvalidValue) {
        guard !text.isEmpty else { throw InvalidValue("must not be empty") }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw InvalidValue("must not contain control characters or line breaks")
        }
    }
}
