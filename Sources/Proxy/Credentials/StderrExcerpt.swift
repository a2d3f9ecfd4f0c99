import TokenCore

/// A credential command's stderr made fit for one log line: every occurrence of a secret (the token
/// it printed, the secret values of its environment) replaced by `<redacted>`, control characters
/// escaped (`\n`, `\t`, `\x1b`, `\u{202e}`), and cut to `maximumLength` bytes.
enum StderrExcerpt {
    static let maximumLength = 500
    static let redacted = Array("<redacted>".utf8)

    /// The whole of `bytes` (surrounding whitespace trimmed), or "" when there is nothing to show.
    static func make(_ bytes: [UInt8], redacting secrets: [Secret], limit: Int = maximumLength) -> String {
        escaped(redact(Array(bytes.trimmingWhitespace), secrets), limit: limit)
    }

    /// The first line that is not blank, for a failure summary.
    static func firstLine(_ bytes: [UInt8], redacting secrets: [Secret], limit: Int) -> String {
        let lines = bytes.split { $0 == 0x0A || $0 == 0x0D }
        guard let line = lines.first(where: { !$0.trimmingWhitespace.isEmpty }) else { return "" }
        return escaped(redact(Array(line.trimmingWhitespace), secrets), limit: limit)
    }

    /// `bytes` with each occurrence of a secret replaced, longest secrets first (so that a secret
    /// containing another is replaced whole).
    static func redact(_ bytes: [UInt8], _ secrets: [Secret]) -> [UInt8] {
        let ordered = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        guard !ordered.isEmpty else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        outer: while index < bytes.count {
            for secret in ordered {
                let matches = secret.withRevealedBytes { candidate in
                    candidate.count <= bytes.count - index
                        && bytes[index..<(index + candidate.count)].elementsEqual(candidate)
                }
                if matches {
                    output += redacted
                    index += secret.count
                    continue outer
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return output
    }

    /// Printable text of at most `limit` UTF-8 bytes; `…` marks a cut. Invalid UTF-8 shows as U+FFFD.
    static func escaped(_ bytes: [UInt8], limit: Int) -> String {
        var result = ""
        var length = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let piece = escape(scalar)
            guard length + piece.utf8.count <= limit else { return result + "…" }
            result += piece
            length += piece.utf8.count
        }
        return result
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\\": return "\\\\"
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                let hex = String(scalar.value, radix: 16)
                return scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{\(hex)}"
            default:
                return String(scalar)
            }
        }
    }
}

extension Collection<UInt8> where SubSequence: BidirectionalCollection<UInt8> {
    /// Without ASCII whitespace at either end.
    fileprivate var trimmingWhitespace: SubSequence {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let rest = self[first...]
        guard let last = rest.lastIndex(where: { !isSpace($0) }) else { return rest }
        return self[first...last]
    }
}
