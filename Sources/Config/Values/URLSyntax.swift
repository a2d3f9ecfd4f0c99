/// The parts of an absolute URL (`scheme://[userinfo@]host[:port][/path][?query][#fragment]`) that
/// upstreams, proxies and origins are made of. Each of those decides which parts it allows.
///
/// Messages never quote the URL: its user information could be a password.
struct URLSyntax {
    /// Lowercased.
    var scheme: String
    var hasUserInfo: Bool
    /// Lowercased; an IPv6 address keeps its brackets.
    var host: String
    var port: UInt16?
    /// Empty or starting with `/`.
    var path: String
    var hasQuery: Bool
    var hasFragment: Bool

    init(parsing text: String, expectation: String) throws(InvalidValue) {
        guard let separator = text.firstRange(of: "://"), Self.isScheme(text[..<separator.lowerBound]) else {
            throw InvalidValue(expectation)
        }
        scheme = text[..<separator.lowerBound].lowercased()
        let rest = text[separator.upperBound...]
        let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        hasUserInfo = authority.contains("@")
        if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }
        (host, port) = try Self.hostAndPort(authority)
        let afterAuthority = rest[authorityEnd...]
        let pathEnd = afterAuthority.firstIndex { "?#".contains($0) } ?? afterAuthority.endIndex
        path = String(afterAuthority[..<pathEnd])
        hasQuery = afterAuthority[pathEnd...].hasPrefix("?")
        hasFragment = afterAuthority[pathEnd...].contains("#")
    }

    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986 section 3.1).
    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, JSON5Scanner.isIdentifierStart(first), first != UInt8(ascii: "_"),
            first != UInt8(ascii: "$")
        else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    private static func hostAndPort(_ authority: Substring) throws(InvalidValue) -> (String, UInt16?) {
        let hostText: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]"),
                IPAddressSyntax.ipv6(authority[authority.index(after: authority.startIndex)..<close]) != nil
            else { throw InvalidValue("invalid IPv6 address in the host") }
            hostText = authority[...close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw InvalidValue("invalid host") }
            portText = after.isEmpty ? nil : after.dropFirst()
        } else if let colon = authority.firstIndex(of: ":") {
            hostText = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            hostText = authority
        }
        guard !hostText.isEmpty else { throw InvalidValue("the host is missing") }
        if !hostText.hasPrefix("[") {
            guard hostText.allSatisfy(\.isASCII) else {
                throw InvalidValue("write an international host name in its ASCII form (xn--...)")
            }
            guard hostText.allSatisfy({ $0.isLetter || $0.isNumber || "-._".contains($0) }) else {
                throw InvalidValue("invalid host name")
            }
        }
        guard let portText else { return (hostText.lowercased(), nil) }
        guard (1...5).contains(portText.count), portText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let port = UInt16(portText), port > 0
        else { throw InvalidValue("the port must be a number 1...65535") }
        return (hostText.lowercased(), port)
    }

    /// The port a scheme implies when none is written.
    static func defaultPort(of scheme: String) -> UInt16? {
        switch scheme {
        case "http": 80
        case "https": 443
        default: nil
        }
    }
}
