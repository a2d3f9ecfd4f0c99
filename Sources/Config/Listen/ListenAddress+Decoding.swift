/// A `listen` entry: `"127.0.0.1:8750"`, `"[::1]:8750"`, `"localhost:0"`, `"unix:/run/bearerd/agent.sock"`,
/// or `{ address: "unix:/path", mode: "0660" }`.
extension ListenAddress: ConfigurationDecodable {
    static let expectation = #"expected "host:port" or "unix:/absolute/path""#
    static let objectKeys = ["address", "mode"]

    /// `sun_path` holds 108 bytes including the terminating NUL.
    static let maximumUnixPathBytes = 107

    init(decodingFrom decoder: any Decoder) throws {
        guard (try? decoder.container(keyedBy: AnyKey.self)) != nil else {
            guard let text = try? decoder.singleValueContainer().decode(String.self) else {
                throw InvalidValue(#"expected a string like "127.0.0.1:8750" or an object { address, mode }"#)
            }
            self = try Self(parsing: text, mode: nil)
            return
        }
        var object = try ObjectReader(decoder, knownKeys: Self.objectKeys)
        let address = object.required("address") { try $0.string() }
        let mode = object.optional("mode") { member in
            guard let text = try? member.string(), let mode = Self.mode(parsing: text) else {
                throw InvalidValue(#"expected an octal string like "0660""#)
            }
            return mode
        }
        var parsed: ListenAddress?
        if let address {
            do {
                parsed = try Self(parsing: address, mode: mode)
            } catch {
                object.report(error, at: "address")
            }
        }
        if mode != nil, case .tcp? = parsed {
            object.report("only a unix: address has a mode", at: "mode")
        }
        self = try object.finish(returning: parsed)
    }

    /// Parses the address text; `mode` applies to a Unix socket only.
    init(parsing text: String, mode: UInt16?) throws(InvalidValue) {
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst(5))
            if path.hasPrefix("@") {
                throw InvalidValue("abstract Unix sockets are not supported; use an absolute path")
            }
            guard path.hasPrefix("/") else { throw InvalidValue("a Unix socket path must be absolute") }
            guard path.utf8.count <= Self.maximumUnixPathBytes else {
                throw InvalidValue("a Unix socket path must be shorter than 108 bytes")
            }
            guard !path.utf8.contains(0) else { throw InvalidValue("a Unix socket path must not contain NUL") }
            self = .unix(path: path, mode: mode ?? Self.defaultUnixMode)
            return
        }
        let (hostText, portText) = try Self.splitHostAndPort(text)
        guard let port = Self.port(portText) else { throw InvalidValue("the port must be a number 0...65535") }
        self = .tcp(host: try Self.host(hostText), port: port)
    }

    private static func splitHostAndPort(_ text: String) throws(InvalidValue) -> (Substring, Substring) {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw InvalidValue(expectation)
            }
            return (text[text.index(after: text.startIndex)..<close], text[text.index(close, offsetBy: 2)...])
        }
        guard let colon = text.lastIndex(of: ":") else { throw InvalidValue(expectation) }
        let host = text[..<colon]
        guard !host.contains(":") else { throw InvalidValue("write an IPv6 address in brackets: [::1]:8750") }
        return (host, text[text.index(after: colon)...])
    }

    private static func host(_ text: Substring) throws(InvalidValue) -> ListenHost {
        if text.lowercased() == "localhost" {
            return .localhost
        }
        if let bytes = IPAddressSyntax.ipv4(text) {
            return .ipv4(bytes)
        }
        if text.contains(":"), let bytes = IPAddressSyntax.ipv6(text) {
            return .ipv6(bytes)
        }
        throw InvalidValue(
            "the host must be an IPv4 address, an IPv6 address in brackets or localhost (names are not resolved)")
    }

    /// 0...65535 in decimal, without sign or leading zeros.
    private static func port(_ text: Substring) -> UInt16? {
        guard (1...5).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }),
            text.count == 1 || text.first != "0"
        else { return nil }
        return UInt16(text)
    }

    /// `"660"` or `"0660"`: permission bits only, in octal.
    static func mode(parsing text: String) -> UInt16? {
        guard text.count == 3 || (text.count == 4 && text.first == "0"),
            text.allSatisfy({ ("0"..."7").contains($0) })
        else { return nil }
        return UInt16(text, radix: 8)
    }
}
