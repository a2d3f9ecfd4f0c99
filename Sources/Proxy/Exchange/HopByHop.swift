/// Header fields that describe one connection, not the message (RFC 9110 §7.6.1): a proxy removes
/// them, and the fields a `Connection` header lists, before forwarding.
enum HopByHop {
    static let contentLength = Array("content-length".utf8)

    private static let names: [[UInt8]] = [
        "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
        "proxy-authenticate", "proxy-authorization",
    ].map { Array($0.utf8) }

    static func isHopByHop<C: Collection<UInt8>>(_ name: C) -> Bool {
        names.contains { equalsIgnoringCase(name, $0) }
    }

    /// `name` equals `lowercased` ignoring ASCII case.
    static func equalsIgnoringCase<C: Collection<UInt8>>(_ name: C, _ lowercased: [UInt8]) -> Bool {
        guard name.count == lowercased.count else { return false }
        var index = 0
        for byte in name {
            if ASCII.lower(byte) != lowercased[index] { return false }
            index += 1
        }
        return true
    }

    /// Lower-cased names listed by the `Connection` lines among `lines` (`Name: value`, no CRLF).
    static func namesDropped(byConnectionFieldsIn lines: [[UInt8]]) -> [[UInt8]] {
        var listed: [[UInt8]] = []
        for line in lines {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
                  equalsIgnoringCase(line[..<colon], names[0]) else { continue }
            listed += tokens(line[(colon + 1)...])
        }
        return listed
    }

    /// The comma-separated tokens of a field value, trimmed and lower-cased.
    static func tokens<C: Collection<UInt8>>(_ value: C) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in value {
            if byte == UInt8(ascii: ",") {
                if !current.isEmpty { result.append(current) }
                current = []
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                current.append(ASCII.lower(byte))
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
