/// Why `RequestParser` rejected a request: the status to answer with, a stable label for logs and
/// metrics, and a sentence for people.
///
/// A set that grows with every rule, so a struct over a private enum: adding a case breaks no
/// caller. Two errors are equal when they are the same rule, whatever input they quote.
package struct HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    private let kind: Kind
    /// At most a few bytes of the offending input, escaped so they print safely.
    private let excerpt: String

    init(_ kind: Kind, excerpt: String = "") {
        self.kind = kind
        self.excerpt = excerpt
    }

    /// The error with a quote of the bytes up to and including `index` (or the end of `buffer`).
    init(_ kind: Kind, in buffer: UnsafeBufferPointer<UInt8>, at index: Int) {
        let end = min(index + 1, buffer.count)
        let start = max(0, end - Self.excerptBytes)
        self.init(kind, excerpt: start < end ? Self.escape(UnsafeBufferPointer(rebasing: buffer[start..<end])) : "")
    }

    /// The error with a quote of the first bytes of `bytes`.
    init(_ kind: Kind, quoting bytes: UnsafeBufferPointer<UInt8>) {
        self.init(kind, excerpt: Self.escape(UnsafeBufferPointer(rebasing: bytes.prefix(Self.excerptBytes))))
    }

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.kind == rhs.kind
    }

    /// The response status that fits (400, 413, 414, 417, 431 or 505).
    package var status: Int { kind.status }

    /// A short stable label such as `bare_cr` or `content_length_conflict`.
    package var reason: String { kind.reason }

    package var description: String {
        excerpt.isEmpty ? kind.message : "\(kind.message), near \"\(excerpt)\""
    }

    /// Few enough bytes that a quote never carries a whole credential or cookie into a log.
    private static let excerptBytes = 8

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            switch byte {
            case ASCII.cr: text += Array("\\r".utf8)
            case ASCII.lf: text += Array("\\n".utf8)
            case ASCII.htab: text += Array("\\t".utf8)
            case ASCII.quote, ASCII.backslash: text += [ASCII.backslash, byte]
            case 0x20..<0x7F: text.append(byte)
            default: text += Array("\\x".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
