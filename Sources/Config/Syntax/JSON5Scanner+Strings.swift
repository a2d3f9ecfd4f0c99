/// Strings, limited to what Foundation's JSON5 decoder decodes (measured on Swift 6.3.1, Linux):
/// escapes `\" \' \\ \/ \b \f \n \r \t \xHH \uHHHH` (surrogates in pairs) and a backslash before a
/// line break (a line continuation). The decoder refuses `\v`, `\0`, identity escapes such as `\a`,
/// NUL written as `\u0000` or `\x00`, unescaped control characters (tab included) and a backslash
/// before U+2028, so this scanner refuses them with a position. Note that the decoder keeps the line
/// break of a line continuation in the string, unlike the JSON5 specification.
extension JSON5Scanner {
    /// Scans the string starting at the quote under `index`. With `decoding`, returns its value as
    /// JSONDecoder decodes it (used for keys, whose duplicates are compared after decoding).
    mutating func scanString(decoding: Bool) throws(SyntaxError) -> String? {
        let start = index
        let quote = bytes[index]
        index += 1
        var decoded: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw SyntaxError(offset: start, message: "unterminated string")
            }
            switch byte {
            case quote:
                index += 1
                return decoding ? String(decoding: decoded, as: UTF8.self) : nil
            case UInt8(ascii: "\\"):
                let text = try scanEscape()
                if decoding {
                    decoded.append(contentsOf: text.utf8)
                }
            case 0x0A, 0x0D:
                throw SyntaxError(
                    offset: index, message: "line break in string; write \\n, or end the line with \\ to continue")
            case 0x00...0x1F:
                throw SyntaxError(offset: index, message: "control character in string; write a tab as \\t")
            default:
                if decoding {
                    decoded.append(byte)
                }
                index += 1
            }
        }
    }

    /// Scans the escape sequence at the backslash under `index` and returns what it stands for.
    private mutating func scanEscape() throws(SyntaxError) -> String {
        let backslash = index
        index += 1
        guard let byte = peek() else { throw SyntaxError(offset: backslash, message: "unterminated string") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "/"):
            return String(Unicode.Scalar(byte))
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case 0x0A: return "\n"
        case 0x0D:
            guard peek() == 0x0A else { return "\r" }
            index += 1
            return "\r\n"
        case UInt8(ascii: "x"):
            return String(try nonNulScalar(hexDigits(2, escapeAt: backslash), escapeAt: backslash))
        case UInt8(ascii: "u"):
            return String(try scanUnicodeEscape(backslash: backslash))
        default:
            throw SyntaxError(offset: backslash, message: Self.invalidEscapeMessage)
        }
    }

    private static let invalidEscapeMessage =
        #"invalid escape in string; use \" \' \\ \/ \b \f \n \r \t \xHH or \uHHHH"#

    private mutating func scanUnicodeEscape(backslash: Int) throws(SyntaxError) -> Unicode.Scalar {
        let first = try hexDigits(4, escapeAt: backslash)
        switch first {
        case 0xD800...0xDBFF:
            guard peek() == UInt8(ascii: "\\"), peek(at: index + 1) == UInt8(ascii: "u") else {
                throw SyntaxError(offset: backslash, message: "unpaired surrogate in \\u escape")
            }
            index += 2
            let second = try hexDigits(4, escapeAt: backslash)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw SyntaxError(offset: backslash, message: "unpaired surrogate in \\u escape")
            }
            return try nonNulScalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), escapeAt: backslash)
        case 0xDC00...0xDFFF:
            throw SyntaxError(offset: backslash, message: "unpaired surrogate in \\u escape")
        default:
            return try nonNulScalar(first, escapeAt: backslash)
        }
    }

    private func nonNulScalar(_ value: UInt32, escapeAt offset: Int) throws(SyntaxError) -> Unicode.Scalar {
        guard value != 0, let scalar = Unicode.Scalar(value) else {
            throw SyntaxError(offset: offset, message: "NUL is not allowed in strings")
        }
        return scalar
    }

    private mutating func hexDigits(_ count: Int, escapeAt offset: Int) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let byte = peek(), let digit = Self.hexValue(byte) else {
                throw SyntaxError(offset: offset, message: "expected \(count) hexadecimal digits in escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
