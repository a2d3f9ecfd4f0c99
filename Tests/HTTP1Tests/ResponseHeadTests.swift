import Testing

@testable import HTTP1

@Suite("Response head writer")
struct ResponseHeadTests {
    @Test("writes a status line, fields and the empty line byte for byte")
    func writesHead() {
        var buffer = bytes("left over|")
        #expect(ResponseHead.appendStatusLine(status: 200, to: &buffer))
        #expect(ResponseHead.appendField(name: "Content-Type", value: "text/plain", to: &buffer))
        ResponseHead.appendContentLength(1_234_567_890_123, to: &buffer)
        #expect(ResponseHead.appendField(name: Array("X-Raw".utf8), value: [0x61, 0x09, 0xE9], to: &buffer))
        ResponseHead.appendEnd(to: &buffer)
        #expect(latin1(buffer) == "left over|HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 1234567890123\r\nX-Raw: a\t\u{E9}\r\n\r\n")
    }

    @Test("uses the reason phrases of RFC 9110 and an empty one for unnamed codes")
    func reasonPhrases() {
        var buffer: [UInt8] = []
        #expect(ResponseHead.appendStatusLine(status: 413, to: &buffer))
        #expect(ResponseHead.appendStatusLine(status: 599, to: &buffer))
        ResponseHead.appendContentLength(0, to: &buffer)
        #expect(latin1(buffer) == "HTTP/1.1 413 Content Too Large\r\nHTTP/1.1 599 \r\nContent-Length: 0\r\n")
        #expect(ResponseHead.reasonPhrase(for: 431) == "Request Header Fields Too Large")
        #expect(ResponseHead.reasonPhrase(for: 505) == "HTTP Version Not Supported")
    }

    @Test("refuses, writing nothing, what would split the response or is no status")
    func refusesUnsafeInput() {
        var buffer: [UInt8] = []
        #expect(!ResponseHead.appendStatusLine(status: 99, to: &buffer))
        #expect(!ResponseHead.appendStatusLine(status: 1000, to: &buffer))
        #expect(!ResponseHead.appendField(name: "X-A", value: "1\r\nSet-Cookie: x", to: &buffer))
        #expect(!ResponseHead.appendField(name: "X-A", value: "1\n", to: &buffer))
        #expect(!ResponseHead.appendField(name: "X-A", value: "\u{0}", to: &buffer))
        #expect(!ResponseHead.appendField(name: "X A", value: "1", to: &buffer))
        #expect(!ResponseHead.appendField(name: "", value: "1", to: &buffer))
        #expect(buffer.isEmpty)
    }

    @Test("frames chunks with lower-case hex sizes and ends with the last chunk")
    func chunkFraming() {
        var buffer: [UInt8] = []
        #expect(ChunkedEncoding.appendChunkHeader(dataCount: 5, to: &buffer))
        buffer += bytes("hello")
        ChunkedEncoding.appendChunkEnd(to: &buffer)
        #expect(ChunkedEncoding.appendChunkHeader(dataCount: 0x1_0000, to: &buffer))
        #expect(ChunkedEncoding.appendChunkHeader(dataCount: 0xABC, to: &buffer))
        #expect(!ChunkedEncoding.appendChunkHeader(dataCount: 0, to: &buffer))
        ChunkedEncoding.appendLastChunk(to: &buffer)
        #expect(latin1(buffer) == "5\r\nhello\r\n10000\r\nabc\r\n0\r\n\r\n")
    }

    @Test("knows which responses have no body", arguments: [
        (HTTPMethod.head, 200, true), (.get, 100, true), (.get, 101, true), (.post, 204, true), (.get, 304, true),
        (.connect, 200, true), (.connect, 407, false), (.get, 200, false), (.post, 201, false), (.get, 404, false),
    ])
    func noBody(method: HTTPMethod, status: Int, expected: Bool) {
        #expect(ResponseHead.hasNoBody(requestMethod: method, status: status) == expected)
    }

    @Test("what the writer frames, the parser reads back")
    func roundTrip() {
        var buffer = bytes("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
        for text in ["one", String(repeating: "x", count: 300)] {
            _ = ChunkedEncoding.appendChunkHeader(dataCount: text.utf8.count, to: &buffer)
            buffer += Array(text.utf8)
            ChunkedEncoding.appendChunkEnd(to: &buffer)
        }
        ChunkedEncoding.appendLastChunk(to: &buffer)
        let seen = parseEveryWay(buffer)
        #expect(seen.dropFirst().map(Event.init) == [.body("one" + String(repeating: "x", count: 300)), .end])
    }
}
