/// `source: "http"`: a token endpoint that is not OAuth2, such as a service that exchanges a license
/// or API key for a short-lived JWT.
///
/// ```
/// { source: "http", url: "https://auth.example/v1/token", headers: { "X-License": { env: "LICENSE" } },
///   json: { audience: "api" }, response: { token: "data.jwt" } }
/// ```
/// The answer is read by `TokenCore.TokenResponse.parse`: a JSON object by `response`'s paths, a
/// JSON string, or a body that is not JSON taken whole as the token.
package struct HTTPCredentialSource: Equatable, Sendable, CredentialSourceDetails {
    /// What the request carries after its headers.
    package enum Body: Equatable, Sendable {
        /// `body`: sent as is; `Content-Type: application/x-www-form-urlencoded` unless `headers`
        /// name another (what libcurl, and `curl -d`, send).
        case raw(TextValue)
        /// `json`: `Content-Type: application/json` unless `headers` name another.
        case json(JSONBody)
    }

    package var url: IssuerURL
    /// An HTTP method; default POST.
    package var method: String
    /// `headers: { "X-License": { env: "LICENSE" }, Accept: "application/json" }`, in the order written.
    package var headers: [NamedTextValue]
    package var body: Body?
    package var response: ResponseFields
    /// A PEM file of CA certificates to trust for the issuer instead of the system's.
    package var caFile: String?
    /// Without one, `http_proxy` and friends are ignored, as for routes.
    package var proxy: ProxyURL?

    package static let defaultMethod = "POST"

    package init(
        url: IssuerURL, method: String = defaultMethod, headers: [NamedTextValue] = [], body: Body? = nil,
        response: ResponseFields = ResponseFields(), caFile: String? = nil, proxy: ProxyURL? = nil
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.response = response
        self.caFile = caFile
        self.proxy = proxy
    }

    /// `http POST https://auth.example/v1/token, headers X-License from env LICENSE, JSON body (1 member),
    /// token at data.jwt`
    var summary: String {
        var parts = ["http \(method) \(url)"]
        if !headers.isEmpty {
            parts.append("headers " + headers.map(\.summary).joined(separator: ", "))
        }
        switch body {
        case .raw(.text(let text)): parts.append("body (\(text.utf8.count) bytes)")
        case .raw(.secret(let reference)): parts.append("body from \(reference)")
        case .json(let json):
            parts.append("JSON body (\(json.members.count) member\(json.members.count == 1 ? "" : "s"))")
        case nil: break
        }
        let fields = response.summary
        if !fields.isEmpty {
            parts.append(fields)
        }
        parts += IssuerConnection.summary(caFile: caFile, proxy: proxy)
        return parts.joined(separator: ", ")
    }

    var secretReferences: [SecretReference] {
        var references = headers.compactMap(\.value.secretReference)
        switch body {
        case .raw(let value): references += value.secretReference.map { [$0] } ?? []
        case .json(let json): references += json.secretReferences
        case nil: break
        }
        return references
    }

    static let kind = CredentialSourceKind(
        name: "http", keys: ["url", "method", "headers", "body", "json", "response", "caFile", "proxy"]
    ) { object in
        let url = object.required("url") { try IssuerURL(parsing: $0.string()) }
        let method = object.optional("method") { try Self.method($0.string()) }
        let headers = object.optional("headers") { try Self.headers($0) }
        let raw = object.optional("body") { try $0.textValue() }
        let json = object.optional("json") { try $0.decode(JSONBody.self) }
        let response = object.optional("response") { try $0.decode(ResponseFields.self) }
        let (caFile, proxy) = IssuerConnection.decode(&object)
        if raw != nil, json != nil {
            object.report("give either body or json, not both", at: "json")
        }
        if raw != nil || json != nil, method == "GET" {
            object.report("a GET request has no body; use POST, or leave body and json out", at: "method")
        }
        guard let url else { return nil }
        return .http(
            Self(
                url: url, method: method ?? defaultMethod, headers: headers ?? [],
                body: raw.map(Body.raw) ?? json.map(Body.json),
                response: response ?? ResponseFields(), caFile: caFile, proxy: proxy))
    }

    /// The `headers` object: names are tokens and not framing or hop-by-hop headers (libcurl sets
    /// those); plain values are visible ASCII, space and tab, and not empty (libcurl reads an empty
    /// value as "remove this header").
    private static func headers(_ member: Member) throws -> [NamedTextValue] {
        try member.namedTextValues(caseInsensitive: true) { name, value throws(InvalidValue) in
            try HeaderSyntax.checkInjectable(name)
            guard case .text(let text) = value else { return }
            guard !text.isEmpty else { throw InvalidValue("must not be empty") }
            guard text.utf8.allSatisfy(HeaderSyntax.isValueByte) else {
                throw InvalidValue("the value may contain only visible ASCII, space and tab")
            }
        }
    }

    /// A method token; not HEAD (its answer has no body) nor CONNECT.
    private static func method(_ text: String) throws(InvalidValue) -> String {
        guard HeaderSyntax.isToken(text) else { throw InvalidValue(#"expected an HTTP method like "POST""#) }
        guard text != "HEAD", text != "CONNECT" else {
            throw InvalidValue("\(text) cannot fetch a token; use POST or GET")
        }
        return text
    }
}
