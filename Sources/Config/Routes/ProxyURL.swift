/// The proxy a route's upstream connections go through: `http://proxy.corp:3128`.
///
/// Without one, bearerd ignores `http_proxy` and friends: a credential must not travel to a proxy
/// nobody configured for it.
package struct ProxyURL: Equatable, Sendable, CustomStringConvertible {
    package enum Scheme: String, Equatable, Sendable, CaseIterable {
        case http
        case https
        /// The proxy resolves nothing; bearerd resolves the upstream's name.
        case socks5
        /// The proxy resolves the upstream's name.
        case socks5h
    }

    package var scheme: Scheme
    package var host: String
    package var port: UInt16
    package var original: String

    package init(scheme: Scheme, host: String, port: UInt16, original: String) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.original = original
    }

    /// `scheme://host:port`, the form libcurl takes.
    package var description: String { "\(scheme.rawValue)://\(host):\(port)" }

    /// A port is required: proxy ports vary, and libcurl's default (1080) surprises for HTTP proxies.
    init(parsing text: String) throws(InvalidValue) {
        let url = try URLSyntax(parsing: text, expectation: #"expected a proxy URL like "http://proxy.example:3128""#)
        guard let scheme = Scheme(rawValue: url.scheme) else {
            throw InvalidValue(
                "scheme \(ConfigurationPath.quoted(url.scheme)) is not supported; use http, https, socks5 or socks5h")
        }
        guard !url.hasUserInfo else { throw InvalidValue("proxy credentials are not supported") }
        guard url.path.isEmpty || url.path == "/", !url.hasQuery, !url.hasFragment else {
            throw InvalidValue("a proxy URL has no path, query or fragment")
        }
        guard let port = url.port else { throw InvalidValue("a proxy URL needs a port, e.g. :3128") }
        self.init(scheme: scheme, host: url.host, port: port, original: text)
    }
}
