/// Where a token is fetched: `https://login.example.com/oauth2/token`, an `http` or `https` URL with
/// a host, and a query if the endpoint needs one.
///
/// User information is refused (credentials go in headers or the body, where they can come from a
/// secret reference), and so is a fragment. The description leaves the query out, since some
/// endpoints take a key there.
package struct IssuerURL: Equatable, Sendable, CustomStringConvertible {
    /// As written; what libcurl is given.
    package var original: String
    package var isHTTPS: Bool
    /// `https://host[:port]/path`, with `?…` when the URL has a query.
    package var description: String

    init(parsing text: String) throws(InvalidValue) {
        let url = try URLSyntax(parsing: text, expectation: #"expected a URL like "https://issuer.example/token""#)
        guard url.scheme == "http" || url.scheme == "https" else {
            throw InvalidValue("scheme \(ConfigurationPath.quoted(url.scheme)) is not supported; use http or https")
        }
        guard !url.hasUserInfo else {
            throw InvalidValue("must not contain a user name or password; put credentials in headers or the body")
        }
        guard !url.hasFragment else { throw InvalidValue("must not have a fragment (\"#...\")") }
        guard text.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw InvalidValue("must be visible ASCII; percent-encode other characters")
        }
        original = text
        isHTTPS = url.scheme == "https"
        let port = url.port.map { $0 == URLSyntax.defaultPort(of: url.scheme) ? "" : ":\($0)" } ?? ""
        description =
            "\(url.scheme)://\(url.host)\(port)\(url.path.isEmpty ? "/" : url.path)" + (url.hasQuery ? "?…" : "")
    }
}
