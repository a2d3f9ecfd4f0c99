import Testing

@testable import HTTP1

/// Parses one head from `text` and returns it.
private func parseHead(_ text: String) throws -> RequestHead {
    var parser = RequestParser()
    let step = bytes(text).withUnsafeBufferPointer { parser.parse($0) }
    guard case .head(let head) = step.event else {
        Issue.record("expected a head, got \(step.event)")
        throw HeadMissing()
    }
    return head
}

private struct HeadMissing: Error {}

@Suite("Request head")
struct RequestHeadTests {
    private let text =
        "\r\nPOST /p?q HTTP/1.1\r\nHost: Example.COM\r\nX-Dup: 1\r\ncontent-LENGTH: 2\r\nX-Dup:  2 \r\n\r\n"

    @Test("owns its bytes, starting at the request line, after the input is gone")
    func ownsItsBytes() throws {
        let head = try parseHead(text)
        #expect(head.bytes == Array(bytes(text).dropFirst(2)))
        #expect(latin1(head.bytes[head.methodRange]) == "POST")
        #expect(latin1(head.target) == "/p?q")
        #expect(head.host.map(latin1) == "Example.COM")
    }

    @Test("gives fields in order by index, by name ignoring case, and by walking them")
    func fieldAccess() throws {
        let head = try parseHead(text)
        #expect(head.fields.count == 4)
        #expect(latin1(head.name(at: 2)) == "content-LENGTH")
        #expect(latin1(head.value(at: 3)) == "2")
        #expect(head.firstIndex(ofField: "Content-Length") == 2)
        #expect(head.firstValue(ofField: "x-dup").map(latin1) == "1")
        #expect(head.firstValue(ofField: "X-Missing") == nil)
        #expect(head.field(at: 0, isNamed: "HOST"))
        #expect(!head.field(at: 0, isNamed: "Hos"))
        var walked: [String] = []
        head.forEachField { name, value in walked.append("\(latin1(name))=\(latin1(value))") }
        #expect(walked == ["Host=Example.COM", "X-Dup=1", "content-LENGTH=2", "X-Dup=2"])
        let total = head.withUnsafeBytes { buffer in head.fields.reduce(0) { $0 + buffer[$1.value].count } }
        #expect(total == 11 + 1 + 1 + 1)
    }

    @Test("the parser holds none of a 50 MiB body: each piece is handed out as it arrives")
    func streamsLargeBody() {
        let length = 50 * 1024 * 1024
        let piece = [UInt8](repeating: 0x61, count: 64 * 1024)
        var parser = RequestParser()
        var buffer = bytes("PUT /blob HTTP/1.1\r\nHost: a\r\nContent-Length: \(length)\r\n\r\n")
        var received = 0
        var fed = 0
        var maxHeld = 0
        var ended = false
        while !ended {
            let step = buffer.withUnsafeBufferPointer { parser.parse($0) }
            switch step.event {
            case .head: break
            case .body(let range): received += range.count
            case .end: ended = true
            case .needMore where fed < length:
                buffer += piece
                fed += piece.count
                maxHeld = max(maxHeld, buffer.count)
            case .needMore, .error:
                Issue.record("unexpected \(step.event)")
                return
            }
            buffer.removeFirst(step.consumed)
        }
        #expect(received == length)
        #expect(maxHeld == piece.count)
    }

    @Test("a chunk announced larger than what arrived is handed out in the pieces that came")
    func partialChunkData() {
        var parser = RequestParser()
        var buffer = bytes("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
        _ = buffer.withUnsafeBufferPointer { parser.parse($0) }
        buffer = bytes("a;x=1\r\n0123")
        let step = buffer.withUnsafeBufferPointer { parser.parse($0) }
        #expect(step == ParseStep(event: .body(7..<11), consumed: 11))
        buffer = bytes("")
        #expect(buffer.withUnsafeBufferPointer { parser.parse($0) } == ParseStep(event: .needMore, consumed: 0))
    }

    @Test("an error names the rule and quotes a few escaped bytes")
    func errorDescription() {
        var parser = RequestParser()
        let secret = "GET / HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer abcdefghijklmnop\u{1}\r\n\r\n"
        let step = bytes(secret).withUnsafeBufferPointer { parser.parse($0) }
        guard case .error(let error) = step.event else {
            Issue.record("expected an error, got \(step.event)")
            return
        }
        #expect(error.status == 400)
        #expect(error.reason == "control_char")
        #expect(error.description == #"field value: control character, near "jklmnop\x01""#)
    }
}
