/// One header (or trailer) field exactly as sent: the name's case kept, the value without the optional
/// whitespace around it. Bytes map one to one to Unicode scalars U+0000...U+00FF (ISO 8859-1), so any
/// byte survives the trip through a `String` and back.
package struct HeaderField: Sendable, Hashable, CustomStringConvertible {
    package var name: String
    package var value: String

    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    package var description: String { "\(name): \(value)" }

    /// Parses `name: value` (a line without its CRLF); nil if there is no colon.
    static func parse(_ line: [UInt8]) -> HeaderField? {
        guard let colon = line.firstIndex(of: 0x3A) else { return nil }
        var valueStart = colon + 1
        var valueEnd = line.count
        while valueStart < valueEnd && isWhitespace(line[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart && isWhitespace(line[valueEnd - 1]) { valueEnd -= 1 }
        return HeaderField(String(latin1: line[..<colon]), String(latin1: line[valueStart..<valueEnd]))
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}

extension [HeaderField] {
    /// The first value of `name` (case-insensitive), or nil.
    package func value(of name: String) -> String? {
        first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Every value of `name` (case-insensitive), in order.
    package func values(of name: String) -> [String] {
        filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The comma-separated list elements of every `name` field, trimmed and lowercased
    /// (for Connection and Transfer-Encoding).
    func tokens(of name: String) -> [String] {
        values(of: name).flatMap { $0.split(separator: ",") }.map { element in
            let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
            let start = element.firstIndex { !isWhitespace($0) } ?? element.endIndex
            let end = element.lastIndex { !isWhitespace($0) }.map(element.index(after:)) ?? start
            return element[start..<end].lowercased()
        }
    }

    /// The fields as `Name: value\r\n` lines.
    var wireBytes: [UInt8] {
        flatMap { [UInt8](latin1: "\($0.name): \($0.value)\r\n") }
    }
}

extension String {
    /// Decodes bytes as ISO 8859-1: each byte becomes the scalar with the same number.
    package init(latin1 bytes: some Sequence<UInt8>) {
        var text = ""
        text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        self = text
    }
}

extension [UInt8] {
    /// Encodes scalars up to U+00FF as one byte each (the inverse of `String(latin1:)`), for heads;
    /// other scalars are written as UTF-8. Bodies are UTF-8: use `Array(text.utf8)`.
    package init(latin1 text: String) {
        self = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x100 {
                append(UInt8(scalar.value))
            } else {
                append(contentsOf: Array(String(scalar).utf8))
            }
        }
    }
}
