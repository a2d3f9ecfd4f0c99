/// A position in the configuration file: 1-based line and column, and the byte offset.
///
/// Columns count Unicode scalars, so a tab or an "é" is one column. A lone CR, an LF and a CRLF each
/// end a line.
package struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var line: Int
    package var column: Int
    package var offset: Int

    package init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The location of byte `offset` in `bytes`. Works on bytes that are not valid UTF-8 too: every byte
    /// that does not continue a UTF-8 sequence counts as a column.
    init(offset: Int, in bytes: [UInt8]) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        var index = 0
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && !Self.isLF(at: index + 1, in: bytes)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != UInt8(ascii: "\r") {
                column += 1
            }
            index += 1
        }
        self.init(line: line, column: column, offset: end)
    }

    private static func isLF(at index: Int, in bytes: [UInt8]) -> Bool {
        index < bytes.count && bytes[index] == UInt8(ascii: "\n")
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }

    package var description: String { "line \(line), column \(column)" }
}
