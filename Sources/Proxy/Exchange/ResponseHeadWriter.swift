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
    /// Calls `body` with `<hex size>\r\n` for `count` (above 0) bytes of data, written on the stack:
    /// this runs for every chunk of a streamed response.
    static func withHeader(for count: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
        let hex: StaticString = "0123456789abcdef"
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * MemoryLayout<Int>.size + 2) { buffer in
            var end = buffer.count
            end -= 1
            buffer[end] = UInt8(ascii: "\n")
            end -= 1
            buffer[end] = UInt8(ascii: "\r")
            var rest = UInt(bitPattern: count)
            repeat {
                end -= 1
                buffer[end] = hex.utf8Start[Int(rest & 0xF)]
                rest >>= 4
            } while rest > 0
            body(UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[end...]))
        }
    }

    static let chunkEnd: StaticString = "\r\n"
}
