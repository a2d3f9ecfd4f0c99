/// Reading a token endpoint's answer: a plain HTTP endpoint with configurable fields, or an
/// OAuth2 token endpoint (see `TokenResponse+OAuth2.swift`).
///
/// Failures name fields and statuses, never the bytes of the token or the body.
package enum TokenResponse {
    /// The largest body read. A token answer is a few KB; more is a misconfigured endpoint.
    package static let maximumSize = 1 << 20

    /// Where the token, its type and its lifetime are in a JSON answer. Each field lists paths
    /// tried in order; the first present decides.
    package struct Fields: Sendable, Equatable {
        package var token: [JSONPath]
        package var scheme: [JSONPath]
        package var expiresIn: [JSONPath]

        /// `access_token|accessToken|token`, `token_type|tokenType`, `expires_in|expiresIn`.
        package static let standard = Fields(
            token: ["access_token", "accessToken", "token"],
            scheme: ["token_type", "tokenType"],
            expiresIn: ["expires_in", "expiresIn"]
        )

        package init(token: [JSONPath], scheme: [JSONPath], expiresIn: [JSONPath]) {
            self.token = token
            self.scheme = scheme
            self.expiresIn = expiresIn
        }

        /// The standard fields, each replaced by the configured path if one is given.
        package init(token: JSONPath?, scheme: JSONPath?, expiresIn: JSONPath?) {
            self.token = token.map { [$0] } ?? Self.standard.token
            self.scheme = scheme.map { [$0] } ?? Self.standard.scheme
            self.expiresIn = expiresIn.map { [$0] } ?? Self.standard.expiresIn
        }
    }

    /// The token in a plain HTTP token endpoint's answer.
    ///
    /// A non-2xx status fails as `FetchFailure.issuerAnswered` says. A JSON object is read by
    /// `fields`; one without a token but with an OAuth2 `error` fails like an error status. A
    /// JSON string is the token. A body that is not JSON is, trimmed, the token (an endpoint
    /// that answers `text/plain`). Throws permanent failures for unusable answers.
    package static func parse(
        status: Int,
        retryAfter: String?,
        body: some Collection<UInt8>,
        fields: Fields = .standard
    ) throws(FetchFailure) -> TokenMaterial {
        let bytes = try checkedBody(status: status, retryAfter: retryAfter, body: body)
        guard let json = JSONValue.parse(bytes) else {
            if bytes.trimmingASCIIWhitespace.first == UInt8(ascii: "{") {
                throw .permanent("response looks like a JSON object but does not parse")
            }
            return .bare(bytes)
        }
        switch json {
        case .object:
            return try material(in: json, fields: fields, status: status, body: bytes)
        case .string(let token):
            return TokenMaterial(secret: Secret(token))
        case .number:
            return .bare(bytes)
        case .array, .bool, .null:
            throw .permanent("response is JSON but not an object or a string")
        }
    }

    /// The body when the status is 2xx and the size acceptable.
    static func checkedBody(status: Int, retryAfter: String?, body: some Collection<UInt8>) throws(FetchFailure)
        -> [UInt8]
    {
        guard IssuerStatus.classify(status, retryAfter: retryAfter) == .success else {
            throw .issuerAnswered(status: status, retryAfter: retryAfter, body: body)
        }
        guard body.count <= maximumSize else {
            throw .permanent("response has \(body.count) bytes, above the limit of \(maximumSize)")
        }
        let bytes = Array(body)
        guard !bytes.trimmingASCIIWhitespace.isEmpty else { throw .permanent("response is empty") }
        return bytes
    }

    /// The material at `fields` in a JSON answer.
    static func material(in json: JSONValue, fields: Fields, status: Int, body: [UInt8]) throws(FetchFailure)
        -> TokenMaterial
    {
        guard let (tokenPath, tokenValue) = first(of: fields.token, in: json) else {
            if case .string = json["error"] {
                throw .issuerAnswered(status: status, retryAfter: nil, body: body)
            }
            throw .permanent("response had no field \(names(fields.token))")
        }
        guard case .string(let token) = tokenValue else {
            throw .permanent("response field \"\(tokenPath)\" is \(tokenValue.kindName), not a string")
        }
        var material = TokenMaterial(secret: Secret(token))
        if let (path, value) = first(of: fields.scheme, in: json) {
            guard case .string(let scheme) = value else {
                throw .permanent("response field \"\(path)\" is \(value.kindName), not a string")
            }
            material.scheme = scheme
        }
        if let (path, value) = first(of: fields.expiresIn, in: json) {
            guard let seconds = value.seconds else {
                throw .permanent("response field \"\(path)\" is not a number of seconds")
            }
            material.expiresIn = seconds
        }
        return material
    }

    private static func first(of paths: [JSONPath], in json: JSONValue) -> (JSONPath, JSONValue)? {
        for path in paths {
            if let value = json[path], value != .null {
                return (path, value)
            }
        }
        return nil
    }

    private static func names(_ paths: [JSONPath]) -> String {
        paths.map { "\"\($0)\"" }.joined(separator: " or ")
    }
}

extension JSONValue {
    /// A number of seconds, from a JSON number or a string of digits with an optional fraction
    /// (some issuers quote `expires_in`); nil for anything else or beyond
    /// `Duration.maximumInputSeconds`.
    package var seconds: Duration? {
        switch self {
        case .number(let value):
            return Duration(inputSeconds: value)
        case .string(let text):
            let utf8 = text.utf8
            guard utf8.first?.isASCIIDigit == true, utf8.allSatisfy({ $0.isASCIIDigit || $0 == UInt8(ascii: ".") }),
                let value = Double(text)
            else { return nil }
            return Duration(inputSeconds: value)
        default:
            return nil
        }
    }
}
