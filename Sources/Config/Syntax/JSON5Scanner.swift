/// A JSON5 syntax check that runs before JSONDecoder.
///
/// On Linux, Foundation's JSON5 decoder reports syntax errors without a line or column, keeps the
/// first of two duplicate keys silently, and traps on some malformed input (an exponent sign without
/// digits: `[1e+]`). This scanner accepts a subset of what that decoder accepts (measured, see
/// `JSON5Scanner+Numbers.swift` and `JSON5Scanner+Strings.swift`), so anything it passes decodes
/// without a trap, and it reports the first syntax error with its position and every duplicate key
/// with its path. It never echoes input: an unquoted secret must not end up in an error message.
///
/// Accepted: `//` and `/* */` comments; keys quoted with `"` or `'`, or unquoted ASCII identifiers;
/// trailing commas; the numbers and strings described in the extensions; `true`, `false`, `null`.
struct JSON5Scanner {
    /// Deeper nesting is refused: no configuration needs it, and recursion must stay bounded.
    static let maximumDepth = 64

    /// A syntax error at a byte offset. The scan stops at the first one.
    struct SyntaxError: Error {
        var offset: Int
        var message: String
    }

    let bytes: [UInt8]
    var index = 0
    private var path = ConfigurationPath.root
    private var sourceMap: SourceMap
    private var duplicates: [ConfigurationError] = []
    /// Above zero while scanning the value of a duplicate key, which JSONDecoder ignores: its paths are
    /// not recorded.
    private var duplicateDepth = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        sourceMap = SourceMap(bytes: bytes)
    }

    /// Scans a whole document. Returns where every key path is, or the first syntax error, or the
    /// duplicate keys found (all of them).
    static func scan(_ bytes: [UInt8]) -> Result<SourceMap, ConfigurationErrors> {
        var scanner = JSON5Scanner(bytes: bytes)
        do {
            try scanner.scanDocument()
        } catch {
            let location = SourceLocation(offset: error.offset, in: bytes)
            return .failure(ConfigurationErrors([ConfigurationError(at: .root, error.message, location: location)]))
        }
        guard scanner.duplicates.isEmpty else {
            return .failure(ConfigurationErrors(scanner.duplicates))
        }
        return .success(scanner.sourceMap)
    }

    private mutating func scanDocument() throws(SyntaxError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
        }
        try skipTrivia()
        guard index < bytes.count else {
            throw SyntaxError(offset: index, message: "the file is empty; expected an object")
        }
        try scanValue(depth: 0)
        try skipTrivia()
        guard index >= bytes.count else {
            throw SyntaxError(offset: index, message: "unexpected text after the end of the document")
        }
    }

    private mutating func scanValue(depth: Int) throws(SyntaxError) {
        if duplicateDepth == 0 {
            sourceMap.record(path, at: index)
        }
        guard let byte = peek() else { throw expected("a value") }
        switch byte {
        case UInt8(ascii: "{"):
            try scanObject(depth: depth + 1)
        case UInt8(ascii: "["):
            try scanArray(depth: depth + 1)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            _ = try scanString(decoding: false)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
        case _ where Self.isIdentifierStart(byte):
            let start = index
            let word = scanIdentifier()
            guard ["true", "false", "null", "Infinity", "NaN"].contains(word) else {
                throw SyntaxError(offset: start, message: "expected a value (strings need quotes)")
            }
        default:
            throw expected("a value")
        }
    }

    private mutating func scanObject(depth: Int) throws(SyntaxError) {
        guard depth <= Self.maximumDepth else {
            throw SyntaxError(offset: index, message: "nested deeper than \(Self.maximumDepth) levels")
        }
        index += 1
        var firstOffsets: [String: Int] = [:]
        while true {
            try skipTrivia()
            if peek() == UInt8(ascii: "}") {
                index += 1
                return
            }
            let keyOffset = index
            let key = try scanKey()
            path = path.appending(key)
            let isDuplicate = firstOffsets[key] != nil
            if let first = firstOffsets[key] {
                let firstLocation = SourceLocation(offset: first, in: bytes)
                duplicates.append(
                    ConfigurationError(
                        at: path, "duplicate key (first at \(firstLocation))",
                        location: SourceLocation(offset: keyOffset, in: bytes)))
            } else {
                firstOffsets[key] = keyOffset
                if duplicateDepth == 0 {
                    sourceMap.record(path, at: keyOffset)
                }
            }
            try skipTrivia()
            guard peek() == UInt8(ascii: ":") else { throw expected("':' after key") }
            index += 1
            try skipTrivia()
            duplicateDepth += isDuplicate ? 1 : 0
            try scanValue(depth: depth)
            duplicateDepth -= isDuplicate ? 1 : 0
            path = path.parent ?? .root
            try skipTrivia()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw expected("',' or '}' after value")
            }
        }
    }

    private mutating func scanArray(depth: Int) throws(SyntaxError) {
        guard depth <= Self.maximumDepth else {
            throw SyntaxError(offset: index, message: "nested deeper than \(Self.maximumDepth) levels")
        }
        index += 1
        var count = 0
        while true {
            try skipTrivia()
            if peek() == UInt8(ascii: "]") {
                index += 1
                return
            }
            path = path.appending(index: count)
            try scanValue(depth: depth)
            path = path.parent ?? .root
            count += 1
            try skipTrivia()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw expected("',' or ']' after value")
            }
        }
    }

    /// A quoted key (decoded, as JSONDecoder will see it) or an unquoted identifier.
    private mutating func scanKey() throws(SyntaxError) -> String {
        guard let byte = peek() else { throw expected("a key or '}'") }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            return try scanString(decoding: true) ?? ""
        }
        if Self.isIdentifierStart(byte) {
            let key = scanIdentifier()
            if let next = peek(), next >= 0x80 || next == UInt8(ascii: "\\") {
                throw SyntaxError(offset: index, message: Self.unquotedKeyMessage)
            }
            return key
        }
        if byte >= 0x80 || byte == UInt8(ascii: "\\") || Self.isDigit(byte) {
            throw SyntaxError(offset: index, message: Self.unquotedKeyMessage)
        }
        throw expected("a key or '}'")
    }

    private static let unquotedKeyMessage =
        "unquoted keys may use only ASCII letters, digits, '_' and '$' and must not start with a digit; quote this key"

    private mutating func scanIdentifier() -> String {
        let start = index
        while let byte = peek(), Self.isIdentifierStart(byte) || Self.isDigit(byte) {
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Skips whitespace (space, tab, LF, CR, VT, FF: the only ones JSONDecoder accepts) and comments.
    private mutating func skipTrivia() throws(SyntaxError) {
        while let byte = peek() {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                index += 1
            case UInt8(ascii: "/") where peek(at: index + 1) == UInt8(ascii: "/"):
                while let next = peek(), next != 0x0A, next != 0x0D {
                    index += 1
                }
            case UInt8(ascii: "/") where peek(at: index + 1) == UInt8(ascii: "*"):
                let start = index
                index += 2
                while index < bytes.count, !isCommentEnd(at: index) {
                    index += 1
                }
                guard index < bytes.count else { throw SyntaxError(offset: start, message: "unterminated comment") }
                index += 2
            case UInt8(ascii: "/"):
                throw SyntaxError(offset: index, message: "a comment starts with // or /*")
            default:
                return
            }
        }
    }

    private func isCommentEnd(at position: Int) -> Bool {
        bytes[position] == UInt8(ascii: "*") && peek(at: position + 1) == UInt8(ascii: "/")
    }

    func peek(at position: Int? = nil) -> UInt8? {
        let position = position ?? index
        return position < bytes.count ? bytes[position] : nil
    }

    /// "expected X" at the current byte, or "unexpected end of file; expected X" past the end.
    func expected(_ what: String) -> SyntaxError {
        let prefix = index < bytes.count ? "" : "unexpected end of file; "
        return SyntaxError(offset: index, message: "\(prefix)expected \(what)")
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
            UInt8(ascii: "$"):
            true
        default:
            false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
