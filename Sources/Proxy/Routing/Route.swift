import Curl

/// A configured route as the proxy uses it: everything precomputed that a request would otherwise
/// compute again.
package final class Route {
    /// The path prefix, starting and ending with "/".
    package let path: [UInt8]
    package let pathString: String
    /// `scheme://host[:port]` followed by the base path, which ends with "/".
    package let upstreamPrefix: [UInt8]
    package let credential: Credential
    package let injection: Injection
    /// Fixed extra headers, as complete `Name: value` lines.
    let fixedHeaderLines: [String]
    /// Lower-cased names of the headers bearerd sets itself on this route; the client's are dropped.
    let ownedHeaderNames: [[UInt8]]
    package let caFile: String?
    package let proxy: String?
    package let allowedOrigins: [String]
    package let timeouts: UpstreamTimeouts
    /// Replay once after an upstream 401 with a fresh token.
    package let retryOn401: Bool

    package init(
        path: String, upstreamPrefix: String, credential: Credential, injection: Injection,
        fixedHeaders: [(name: String, value: String)], caFile: String?, proxy: String?, allowedOrigins: [String],
        timeouts: UpstreamTimeouts, retryOn401: Bool = true
    ) {
        self.retryOn401 = retryOn401
        self.path = Array(path.utf8)
        pathString = path
        self.upstreamPrefix = Array(upstreamPrefix.utf8)
        self.credential = credential
        self.injection = injection
        fixedHeaderLines = fixedHeaders.map { "\($0.name): \($0.value)" }
        var owned: [[UInt8]] = [Array("authorization".utf8), Array(injection.headerName.lowercased().utf8)]
        owned += fixedHeaders.map { Array($0.name.lowercased().utf8) }
        ownedHeaderNames = owned
        self.caFile = caFile
        self.proxy = proxy
        self.allowedOrigins = allowedOrigins
        self.timeouts = timeouts
    }

    /// Whether this route accepts requests made by pages of `origin`.
    func allows(origin: String) -> Bool {
        allowedOrigins.contains { $0 == "*" || $0.caseInsensitiveEquals(origin) }
    }
}

/// How long to wait for an upstream, per phase. There is deliberately no total deadline: a model's
/// answer may stream for many minutes.
package struct UpstreamTimeouts: Sendable, Equatable {
    package var connect: Duration
    /// From the request start to the response head: thinking models hold headers for minutes.
    package var response: Duration
    /// The longest gap between two bytes of a response body (or of a request body from the client).
    package var idle: Duration

    package init(connect: Duration = .seconds(10), response: Duration = .seconds(600), idle: Duration = .seconds(300)) {
        self.connect = connect
        self.response = response
        self.idle = idle
    }
}
