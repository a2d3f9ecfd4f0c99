import Config
import Curl
import TokenCore

extension IssuerTokenSource {
    /// A generic token endpoint (`source: "http"`), its answer read by `TokenResponse.parse` with the
    /// configured field paths.
    static func http(
        _ source: HTTPCredentialSource, curl: CurlMulti, resolver: SecretResolver, scheme: String?
    ) throws(ConfigurationError) -> IssuerTokenSource {
        var headers: [IssuerRequest.Header] = []
        for header in source.headers {
            headers.append(IssuerRequest.Header(name: header.name, value: try resolver.resolve(header.value)))
        }
        let body: Secret?
        let contentType: String?
        switch source.body {
        case .raw(let value):
            body = try resolver.resolve(value)
            contentType = "application/x-www-form-urlencoded"
        case .json(let json):
            body = try jsonBody(json, resolver: resolver)
            contentType = "application/json"
        case nil:
            body = nil
            contentType = nil
        }
        let request = IssuerRequest(
            url: source.url.original, method: source.method, headers: headers, body: body, contentType: contentType,
            caFile: source.caFile, proxy: source.proxy?.description)
        let fields = source.response.fields
        return IssuerTokenSource(curl: curl, request: request, scheme: scheme) {
            status, retryAfter, body throws(FetchFailure) in
            try TokenResponse.parse(status: status, retryAfter: retryAfter, body: body, fields: fields)
        }
    }

    /// `{"name":value,...}` in the order written; secret strings are escaped straight into the buffer.
    private static func jsonBody(_ json: JSONBody, resolver: SecretResolver) throws(ConfigurationError) -> Secret {
        var values: [(name: String, value: JSONBody.Value, secret: Secret?)] = []
        var capacity = 2
        for member in json.members {
            var secret: Secret?
            if case .string(let text) = member.value {
                secret = try resolver.resolve(text)
            }
            values.append((member.name, member.value, secret))
            // Escaping makes a byte at most six.
            capacity += member.name.utf8.count * 6 + (secret?.count ?? 0) * 6 + 32
        }
        var bytes = SecretBytes(capacity: capacity)
        bytes.append("{")
        for (index, entry) in values.enumerated() {
            if index > 0 { bytes.append(",") }
            bytes.append("\"")
            bytes.appendJSONEscaped(entry.name)
            bytes.append("\":")
            switch entry.value {
            case .string:
                bytes.append("\"")
                if let secret = entry.secret { bytes.appendJSONEscaped(secret) }
                bytes.append("\"")
            case .number(let number):
                bytes.append(Self.jsonNumber(number))
            case .bool(let flag):
                bytes.append(flag ? "true" : "false")
            }
        }
        bytes.append("}")
        return bytes.secret
    }

    /// Whole numbers without a fraction (`3600`, not `3600.0`); others as Swift prints them, which is
    /// valid JSON for finite values.
    static func jsonNumber(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }
}
