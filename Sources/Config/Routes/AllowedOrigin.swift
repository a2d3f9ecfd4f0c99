/// A web origin whose pages may call a route from a browser (CORS): `https://app.example.com`, or
/// any origin (`"*"`, which `check` warns about). No entries: no browser page may.
package enum AllowedOrigin: Hashable, Sendable, CustomStringConvertible {
    case any
    /// Serialized as browsers send it (RFC 6454 section 6.2): lowercase, no default port.
    case origin(String)

    package var description: String {
        switch self {
        case .any: "*"
        case .origin(let origin): origin
        }
    }

    init(parsing text: String) throws(InvalidValue) {
        guard text != "*" else {
            self = .any
            return
        }
        let expectation = #"expected an origin like "https://app.example.com" or "*""#
        let url = try URLSyntax(parsing: text, expectation: expectation)
        guard !url.hasUserInfo, url.path.isEmpty, !url.hasQuery, !url.hasFragment else {
            throw InvalidValue(expectation + " (scheme, host and port only; no trailing \"/\")")
        }
        let port = url.port.flatMap { $0 == URLSyntax.defaultPort(of: url.scheme) ? nil : $0 }
        self = .origin("\(url.scheme)://\(url.host)" + (port.map { ":\($0)" } ?? ""))
    }
}
