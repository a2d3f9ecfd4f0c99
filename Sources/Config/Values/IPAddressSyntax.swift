/// IPv4 and IPv6 literals, parsed to bytes so that equal addresses compare equal however written.
enum IPAddressSyntax {
    /// `127.0.0.1`: four decimal parts 0...255 without leading zeros (which some parsers read as octal).
    static func ipv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part.count == 1 || part.first != "0", let value = UInt8(part)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// `::1`, `2001:db8::8a2e:370:7334`, `::ffff:192.0.2.1` (RFC 4291 section 2.2), without brackets
    /// or a zone (`%eth0`). Returns the 16 bytes.
    static func ipv6(_ text: Substring) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        var compression: Int?
        var index = 0
        while index + 1 < utf8.count {
            if utf8[index] == UInt8(ascii: ":"), utf8[index + 1] == UInt8(ascii: ":") {
                guard compression == nil else { return nil }
                compression = index
            }
            index += 1
        }
        if let compression {
            let head = String(decoding: utf8[..<compression], as: UTF8.self)
            let tail = String(decoding: utf8[(compression + 2)...], as: UTF8.self)
            guard let headGroups = groups(head[...], allowsIPv4: tail.isEmpty),
                let tailGroups = groups(tail[...], allowsIPv4: true),
                headGroups.count + tailGroups.count <= 7
            else { return nil }
            let zeros = [UInt16](repeating: 0, count: 8 - headGroups.count - tailGroups.count)
            return bytes(of: headGroups + zeros + tailGroups)
        }
        guard let all = groups(text, allowsIPv4: true), all.count == 8 else { return nil }
        return bytes(of: all)
    }

    /// Colon-separated groups of one to four hex digits; the last may be an IPv4 address (two groups).
    private static func groups(_ text: Substring, allowsIPv4: Bool) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var result: [UInt16] = []
        for (position, part) in parts.enumerated() {
            if allowsIPv4, position == parts.count - 1, part.contains("."), let v4 = ipv4(part) {
                result += [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])]
                continue
            }
            guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit), let group = UInt16(part, radix: 16)
            else { return nil }
            result.append(group)
        }
        return result
    }

    private static func bytes(of groups: [UInt16]) -> [UInt8] {
        groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    static func formatIPv4(_ bytes: [UInt8]) -> String {
        bytes.map(String.init).joined(separator: ".")
    }

    /// RFC 5952 text: lowercase hex, no leading zeros, the longest run of two or more zero groups
    /// (the first of equal runs) written as `::`. Reads whole groups only, so a short array cannot trap.
    static func formatIPv6(_ bytes: [UInt8]) -> String {
        let groups = stride(from: 0, to: min(bytes.count, 16) - 1, by: 2).map {
            UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1])
        }
        var best: Range<Int>?
        var start: Int?
        for index in 0...groups.count {
            if index < groups.count, groups[index] == 0 {
                start = start ?? index
            } else if let runStart = start {
                if index - runStart >= 2, index - runStart > (best?.count ?? 0) {
                    best = runStart..<index
                }
                start = nil
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard let best else { return hex.joined(separator: ":") }
        return hex[..<best.lowerBound].joined(separator: ":") + "::" + hex[best.upperBound...].joined(separator: ":")
    }
}
