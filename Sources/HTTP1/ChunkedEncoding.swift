/// Writes the framing of a chunked response body (RFC 9112 §7.1) around data the caller sends:
/// `appendChunkHeader`, the data, `appendChunkEnd`, and finally `appendLastChunk`.
package enum ChunkedEncoding {
    /// Appends `<size in hex>\r\n` for `dataCount` bytes of data. False, writing nothing, when
    /// `dataCount` is not above 0: a chunk of size 0 is the last chunk and would end the body.
    package static func appendChunkHeader(dataCount: Int, to buffer: inout [UInt8]) -> Bool {
        guard dataCount > 0 else { return false }
        let hex: StaticString = "0123456789abcdef"
        var shift = (Int.bitWidth - dataCount.leadingZeroBitCount + 3) / 4 * 4
        repeat {
            shift -= 4
            buffer.append(hex.utf8Start[(dataCount >> shift) & 0xF])
        } while shift > 0
        ResponseHead.append("\r\n", to: &buffer)
        return true
    }

    /// Appends the CRLF that follows a chunk's data.
    package static func appendChunkEnd(to buffer: inout [UInt8]) {
        ResponseHead.append("\r\n", to: &buffer)
    }

    /// Appends the last chunk and an empty trailer section: `0\r\n\r\n`.
    package static func appendLastChunk(to buffer: inout [UInt8]) {
        ResponseHead.append("0\r\n\r\n", to: &buffer)
    }
}
