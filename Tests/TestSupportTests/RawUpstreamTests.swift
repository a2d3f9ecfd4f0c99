import TestSupport
import Testing

@Suite("RawUpstream")
struct RawUpstreamTests {
    @Test("The raw upstream writes its script's bytes exactly, then closes")
    func exactBytes() throws {
        let script = "HTTP/1.1 200 OK\r\nContent-Length:5\r\nX-Odd:  spaced\r\n\r\nhello"
        let upstream = try RawUpstream([.write(script), .close])
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/raw")

        #expect(String(decoding: try client.waitForClose(), as: UTF8.self) == script)
        #expect(try upstream.waitForRequests(1)[0].target == "/raw")
    }

    @Test("A gate holds the rest of the response until the test opens it")
    func gate() throws {
        let gate = TestGate()
        let upstream = try RawUpstream([
            .write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nfirst\r\n"),
            .wait(gate),
            .write("6\r\nsecond\r\n0\r\n\r\n"),
        ])
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/")
        _ = try client.readResponseHead()
        #expect(try client.readChunk() == .chunk(ReceivedChunk("first")))
        try gate.waitUntilReached()
        #expect(throws: TestSupportError.self) { try client.readAvailable(timeout: .milliseconds(100)) }

        gate.open()
        #expect(try client.readChunk() == .chunk(ReceivedChunk("second")))
        #expect(try client.readChunk() == .last(extensions: "", trailers: []))
    }

    @Test("Without a close step the script runs again for the next request on the connection")
    func repeatsPerRequest() throws {
        let upstream = try RawUpstream { request in
            let body = request.target
            return [.write("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")]
        }
        let client = try TestClient(port: upstream.port)

        #expect(try client.get("/one").bodyText == "/one")
        #expect(try client.get("/two").bodyText == "/two")
        #expect(upstream.connectionsAccepted == 1)
    }

    @Test("A reset step closes with a reset the client can tell from a close")
    func reset() throws {
        let upstream = try RawUpstream([.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"), .reset])
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/")

        let error = #expect(throws: TestSupportError.self) { try client.readResponse() }
        #expect(error?.kind == .closed)
    }

    @Test("A close by the client is seen as a close by the peer while the script waits at a gate")
    func peerCloseAtGate() throws {
        let gate = TestGate()
        let upstream = try RawUpstream([.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"), .wait(gate)])
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/")
        try gate.waitUntilReached()

        client.close()
        #expect(try upstream.waitForAnyPeerClose(timeout: .seconds(1)) == 1)
        try upstream.waitForOpenConnections(0)
        #expect(upstream.errors.isEmpty)
    }
}
