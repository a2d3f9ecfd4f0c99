import TokenCore

/// `response: { token: "data.jwt", type: "data.kind", expiresIn: "data.ttl" }`: where an issuer's
/// JSON answer keeps the token, its type and its lifetime in seconds. Each path left out is looked
/// for under its usual names (`access_token`, `accessToken` or `token`; `token_type` or `tokenType`;
/// `expires_in` or `expiresIn`).
package struct ResponseFields: Equatable, Sendable {
    package var token: JSONPath?
    package var type: JSONPath?
    package var expiresIn: JSONPath?

    package init(token: JSONPath? = nil, type: JSONPath? = nil, expiresIn: JSONPath? = nil) {
        self.token = token
        self.type = type
        self.expiresIn = expiresIn
    }

    package var fields: TokenResponse.Fields {
        TokenResponse.Fields(token: token, scheme: type, expiresIn: expiresIn)
    }

    /// `token at data.jwt, expiresIn at data.ttl`, or empty for the defaults.
    var summary: String {
        [("token", token), ("type", type), ("expiresIn", expiresIn)]
            .compactMap { name, path in path.map { "\(name) at \($0)" } }
            .joined(separator: ", ")
    }
}

extension ResponseFields: ConfigurationDecodable {
    static let keys = ["token", "type", "expiresIn"]

    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(decoder, knownKeys: Self.keys)
        let read = { (member: Member) throws -> JSONPath in
            guard let path = JSONPath(try member.string()) else {
                throw InvalidValue(#"expected a dotted path like "data.access_token""#)
            }
            return path
        }
        let token = object.optional("token", read)
        let type = object.optional("type", read)
        let expiresIn = object.optional("expiresIn", read)
        try object.finish()
        self.init(token: token, type: type, expiresIn: expiresIn)
    }
}
