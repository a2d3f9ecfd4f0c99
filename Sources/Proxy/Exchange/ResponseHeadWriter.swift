import HTTP1

/// Builds a client response head: status line, field lines, end.
struct ResponseHeadWriter {
    private var bytes: [UInt8] = []

    init(status: Int) {
        bytes.reserveCapacity(512)
        if !ResponseHead.appendStatusLine(status: status, to: &bytes) {
            _ = ResponseHead.appendStatusLine(status: 502, to: &bytes)
        }
    }

    /// A field bearerd writes itself (names and values are constants or numbers).
    mutating func add(_ name: String, _ value: String) {
        _ = ResponseHead.appendField(name: name, value: value, to: &bytes)
    }

    /// An upstream field, passed on only if it is well-formed.
    mutating func addField(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        _ = ResponseHead.appendField(name: name, value: value, to: &bytes)
    }

    consuming func finish() -> [UInt8] {
        ResponseHead.appendEnd(to: &bytes)
        return bytes
    }
}

enum ChunkFraming {
    /// `<hex size>\r\n`.
    static func header(for count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        _ = ChunkedEncoding.appendChunkHeader(dataCount: count, to: &bytes)
        return bytes
    }
}
