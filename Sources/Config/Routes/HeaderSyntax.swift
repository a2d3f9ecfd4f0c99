/// HTTP field syntax (RFC 9110 section 5) for the headers a route injects.
enum HeaderSyntax {
    /// `token = 1*tchar` (RFC 9110 section 5.6.2).
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isTokenByte)
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// Visible ASCII, space and tab: what bearerd writes into a field value (no obs-text, no CR/LF).
    static func isValueByte(_ byte: UInt8) -> Bool {
        byte == 0x09 || (0x20...0x7E).contains(byte)
    }

    /// Headers that describe the connection or the message framing (RFC 9110 section 7.6.1, RFC 9112):
    /// injecting one would confuse the proxy's own handling of the exchange.
    static let reservedNames: Set<String> = [
        "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length",
    ]

    /// A name a route may set: a token, and neither hop-by-hop, framing nor `Proxy-*`.
    static func checkInjectable(_ name: String) throws(InvalidValue) {
        guard isToken(name) else {
            throw InvalidValue("\(ConfigurationPath.quoted(name)) is not a valid header name")
        }
        let lowercased = name.lowercased()
        guard !reservedNames.contains(lowercased), !lowercased.hasPrefix("proxy-") else {
            throw InvalidValue("\(ConfigurationPath.quoted(name)) is a hop-by-hop or framing header; it cannot be set")
        }
    }
}
