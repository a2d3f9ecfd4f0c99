/// One chunk of a chunked body as it came over the wire.
package struct ReceivedChunk: Sendable, Equatable {
    /// The size the chunk line declared.
    package var size: Int
    /// Whatever followed the size on its line, from the `;` on (empty when none).
    package var extensions: String
    /// The chunk's bytes; empty when the body is only counted.
    package var data: [UInt8]

    package init(size: Int, extensions: String = "", data: [UInt8]) {
        self.size = size
        self.extensions = extensions
        self.data = data
    }

    /// A chunk of `text` (UTF-8) as a well-behaved sender frames it.
    package init(_ text: String) {
        self.init(size: text.utf8.count, data: Array(text.utf8))
    }

    package var text: String { String(decoding: data, as: UTF8.self) }
}

/// The outcome of reading one chunk: data, or the last chunk with the trailers after it.
package enum ChunkRead: Sendable, Equatable {
    case chunk(ReceivedChunk)
    case last(extensions: String, trailers: [HeaderField])
}

/// Reads chunked framing (RFC 9112 7.1), strictly: peers are there to catch bearerd's mistakes.
enum ChunkedReader {
    /// Reads one chunk; data goes to `digest` and, when `collect`, into the result.
    static func readChunk(
        from reader: inout SocketReader, deadline: Deadline?, collect: Bool, digest: inout BodyDigest
    ) throws -> ChunkRead {
        guard let line = try reader.readLine(deadline: deadline, limit: 4096) else {
            throw TestSupportError(.closed, "connection closed where a chunk size line was expected")
        }
        let sizeEnd = line.firstIndex { !isHexDigit($0) } ?? line.count
        let rest = line[sizeEnd...]
        guard sizeEnd > 0, sizeEnd <= 15, rest.isEmpty || rest.first == 0x3B,
            let size = Int(String(latin1: line[..<sizeEnd]), radix: 16)
        else {
            throw TestSupportError(.protocolViolation, "invalid chunk size line \(quoted(line))")
        }
        let extensions = String(latin1: rest)
        if size == 0 {
            return .last(
                extensions: extensions, trailers: try MessageHead.readFields(from: &reader, deadline: deadline))
        }
        var data: [UInt8] = []
        try reader.read(count: size, deadline: deadline) { piece in
            digest.update(piece)
            if collect { data.append(contentsOf: piece) }
        }
        guard let end = try reader.readLine(deadline: deadline, limit: 2), end.isEmpty else {
            throw TestSupportError(.protocolViolation, "chunk of \(size) bytes not followed by CRLF")
        }
        return .chunk(ReceivedChunk(size: size, extensions: extensions, data: data))
    }

    /// Reads chunks through the last one; returns them (data kept only when `collect`) and the trailers.
    static func readBody(
        from reader: inout SocketReader, deadline: Deadline?, collect: Bool, digest: inout BodyDigest
    ) throws -> (chunks: [ReceivedChunk], trailers: [HeaderField]) {
        var chunks: [ReceivedChunk] = []
        while true {
            switch try readChunk(from: &reader, deadline: deadline, collect: collect, digest: &digest) {
            case .chunk(let chunk): chunks.append(chunk)
            case .last(_, let trailers): return (chunks, trailers)
            }
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
