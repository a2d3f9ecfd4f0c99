/// Where a route forwards to: `https://api.example.com/v1/`.
package struct UpstreamURL: Equatable, Sendable, CustomStringConvertible {
    package enum Scheme: String, Equatable, Sendable {
        case http
        case https
    }

    package var scheme: Scheme
    /// Lowercased; an IPv6 address keeps its brackets (`[::1]`).
    package var host: String
    /// As written, or 80/443 by scheme.
    package var port: UInt16
    /// Starts and ends with `/`; the request path after the route's prefix is appended to it.
    package var basePath: String
    /// As written in the file.
    package var original: String

    package init(scheme: Scheme, host: String, port: UInt16, basePath: String, original: String) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
        self.original = original
    }

    /// `https://api.example.com/v1/`, with the port only where it is not the scheme's default.
    package var description: String {
        let defaultPort: UInt16 = scheme == .https ? 443 : 80
        return "\(scheme.rawValue)://\(host)\(port == defaultPort ? "" : ":\(port)")\(basePath)"
    }

    /// An absolute `http` or `https` URL with a host and no user information, query or fragment.
    init(parsing text: String) throws(InvalidValue) {
        let url = try URLSyntax(
            parsing: text, expectation: #"expected an absolute URL like "https://api.example.com/""#)
        guard let scheme = Scheme(rawValue: url.scheme) else {
            throw InvalidValue("scheme \(ConfigurationPath.quoted(url.scheme)) is not supported; use http or https")
        }
        guard !url.hasUserInfo else {
            throw InvalidValue("must not contain a user name or password; a route injects its credential")
        }
        guard !url.hasQuery else { throw InvalidValue("must not have a query (\"?...\")") }
        guard !url.hasFragment else { throw InvalidValue("must not have a fragment (\"#...\")") }
        try PathSyntax.checkUpstreamPath(url.path)
        let path = url.path.isEmpty ? "/" : url.path
        self.init(
            scheme: scheme, host: url.host, port: url.port ?? (scheme == .https ? 443 : 80),
            basePath: path.hasSuffix("/") ? path : path + "/", original: text)
    }
}
