import TestSupport
import Testing

@Suite("TestUpstream")
struct TestUpstreamTests {
    @Test("The echo handler answers a GET with the method, target and headers it received, in order")
    func echoReportsTheRequest() throws {
        let upstream = try TestUpstream()
        let client = try TestClient(port: upstream.port)
        let response = try client.get("/a/b?c=d", headers: [HeaderField("X-Mixed-Case", "  value with spaces ")])

        #expect(response.status == 200)
        #expect(response.framing == .contentLength(response.body.count))
        let echo = try response.echo()
        #expect(echo.method == "GET")
        #expect(echo.target == "/a/b?c=d")
        #expect(echo.headers == [["Host", upstream.address], ["X-Mixed-Case", "value with spaces"]])
        #expect(echo.bodyLength == 0)
        let request = try upstream.waitForRequests(1)[0]
        #expect(
            request.headers == [
                HeaderField("Host", upstream.address), HeaderField("X-Mixed-Case", "value with spaces"),
            ])
        #expect(request.connectionID == 1 && request.sequence == 1)
    }

    @Test("A Content-Length body arrives whole")
    func contentLengthBody() throws {
        let upstream = try TestUpstream()
        let client = try TestClient(port: upstream.port)
        let response = try client.post("/upload", body: "hello, upstream")

        #expect(try response.echo().body == "hello, upstream")
        let request = try upstream.waitForRequests(1)[0]
        #expect(request.bodyText == "hello, upstream")
        #expect(request.framing == .contentLength(15))
    }

    @Test("A chunked request body is recorded chunk by chunk with its trailers")
    func chunkedRequestBody() throws {
        let upstream = try TestUpstream()
        let client = try TestClient(port: upstream.port)
        let body = TestClient.chunked([Array("abc".utf8), Array("defgh".utf8)], trailers: [HeaderField("X-Sum", "8")])
        try client.sendRequest("POST", "/c", headers: [HeaderField("Transfer-Encoding", "chunked")], body: body)
        let response = try client.readResponse()

        #expect(response.status == 200)
        let request = try upstream.waitForRequests(1)[0]
        #expect(request.framing == .chunked)
        #expect(request.chunkSizes == [3, 5])
        #expect(request.bodyText == "abcdefgh")
        #expect(request.trailers == [HeaderField("X-Sum", "8")])
    }

    @Test("Requests on a kept-alive connection all arrive on one upstream connection")
    func keepAlive() throws {
        let upstream = try TestUpstream()
        let client = try TestClient(port: upstream.port)
        for path in ["/1", "/2", "/3"] {
            #expect(try client.get(path).status == 200)
        }

        let requests = try upstream.waitForRequests(3)
        #expect(requests.map(\.connectionID) == [1, 1, 1])
        #expect(requests.map(\.sequence) == [1, 2, 3])
        #expect(upstream.connectionsAccepted == 1)
    }

    @Test("A request that says Connection: close is answered, then the upstream closes")
    func connectionClose() throws {
        let upstream = try TestUpstream()
        let client = try TestClient(port: upstream.port)
        #expect(try client.get("/", headers: [HeaderField("Connection", " Keep-Alive ,  CLOSE ")]).status == 200)

        try client.waitForClose()
        try upstream.waitForOpenConnections(0)
        #expect(upstream.connections == [.init(id: 1, isOpen: false, closedByPeer: false)])
    }

    @Test("Pipelined requests are answered in order, a HEAD among them without a body")
    func pipelining() throws {
        let upstream = try TestUpstream()
        let client = try TestClient(port: upstream.port)
        let host = client.host
        try client.send(
            TestClient.request("GET", "/first", host: host) + TestClient.request("HEAD", "/second", host: host)
                + TestClient.request("POST", "/third", host: host, body: Array("x".utf8))
        )
        let responses = try client.readResponses(3, headRequests: [1])

        #expect(try responses[0].echo().target == "/first")
        #expect(responses[1].framing == .none && responses[1].body.isEmpty)
        #expect(responses[1].header("Content-Length") != nil)
        #expect(try responses[2].echo().target == "/third")
    }

    @Test("A client that waits for 100-continue gets it before sending the body")
    func expectContinue() throws {
        let upstream = try TestUpstream()
        let client = try TestClient(port: upstream.port)
        try client.sendRequest(
            "PUT", "/p", headers: [HeaderField("Expect", "100-continue"), HeaderField("Content-Length", "4")])
        let interim = try client.read(until: "\r\n\r\n")
        #expect(String(decoding: interim, as: UTF8.self) == "HTTP/1.1 100 Continue\r\n\r\n")
        try client.send("body")

        let response = try client.readResponse()
        #expect(try response.echo().body == "body")
        #expect(try upstream.waitForRequests(1)[0].expectedContinue)
    }

    @Test("In counting mode only the body's length and hash are kept")
    func countingMode() throws {
        let upstream = try TestUpstream(bodyMode: .count)
        let client = try TestClient(port: upstream.port)
        let body = PatternBody.bytes(count: 3_000_000)
        let response = try client.post("/big", body: body, timeout: .seconds(20))

        #expect(try response.echo().bodyLength == 3_000_000)
        let request = try upstream.waitForRequests(1)[0]
        #expect(request.body.isEmpty)
        #expect(request.bodyDigest == PatternBody.digest(count: 3_000_000))
    }

    @Test("The large-body handler sends N pattern bytes, with Content-Length or chunked", arguments: [false, true])
    func largeBody(chunked: Bool) throws {
        let upstream = try TestUpstream(handler: TestUpstream.largeBody(5_000_001, chunked: chunked))
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/large")
        let response = try client.readResponse(bodyMode: .count, timeout: .seconds(20))

        #expect(response.framing == (chunked ? .chunked : .contentLength(5_000_001)))
        #expect(response.body.isEmpty)
        #expect(response.bodyDigest == PatternBody.digest(count: 5_000_001))
    }

    @Test("An SSE stream sends its second event only after the test allows it")
    func serverSentEvents() throws {
        let feed = StreamFeed()
        let upstream = try TestUpstream(handler: TestUpstream.serverSentEvents(feed))
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/events")
        feed.sendEvent("one", id: "1")

        let head = try client.readResponseHead()
        #expect(head.header("Content-Type") == "text/event-stream")
        #expect(head.framing == .chunked)
        #expect(try client.readChunk() == .chunk(ReceivedChunk("id: 1\ndata: one\n\n")))
        try feed.waitUntilWritten(1)
        #expect(throws: TestSupportError.self) { try client.readAvailable(timeout: .milliseconds(100)) }

        feed.sendEvent("two")
        guard case .chunk(let second) = try client.readChunk() else {
            Issue.record("expected a second event")
            return
        }
        #expect(second.text == "data: two\n\n")
        feed.finish()
        #expect(try client.readChunk() == .last(extensions: "", trailers: []))
    }

    @Test("A client closing in the middle of a stream is seen as a close by the peer at once")
    func peerCloseDuringStream() throws {
        let feed = StreamFeed()
        let upstream = try TestUpstream(handler: TestUpstream.serverSentEvents(feed))
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/events")
        _ = try client.readResponseHead()
        #expect(upstream.connections == [.init(id: 1, isOpen: true, closedByPeer: false)])

        client.close()
        try upstream.waitForPeerClose(connection: 1, timeout: .seconds(1))
        try upstream.waitForOpenConnections(0)
        #expect(upstream.connections == [.init(id: 1, isOpen: false, closedByPeer: true)])
        #expect(upstream.errors.isEmpty)
    }

    @Test("A close-delimited stream ends when the upstream closes the connection")
    func closeDelimitedStream() throws {
        let feed = StreamFeed()
        let upstream = try TestUpstream(handler: TestUpstream.stream(feed, framing: .closeDelimited))
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/s")
        feed.send("part one, ")
        feed.send("part two")
        feed.finish()

        let response = try client.readResponse()
        #expect(response.framing == .closeDelimited)
        #expect(response.bodyText == "part one, part two")
        try upstream.waitForOpenConnections(0)
        #expect(upstream.connections.map(\.closedByPeer) == [false])
    }

    @Test("A fixed-status handler answers every request with it; the handler can be swapped")
    func fixedStatusAndSwap() throws {
        let upstream = try TestUpstream(
            handler: TestUpstream.status(401, body: "no", headers: [HeaderField("WWW-Authenticate", "Bearer")]))
        let client = try TestClient(port: upstream.port)
        let first = try client.get("/x")
        #expect(first.status == 401 && first.reason == "Unauthorized" && first.bodyText == "no")
        #expect(first.header("www-authenticate") == "Bearer")

        upstream.setHandler(TestUpstream.echo)
        #expect(try client.get("/y").status == 200)
    }

    @Test("A malformed request gets 400 and is recorded as an error")
    func malformedRequest() throws {
        let upstream = try TestUpstream()
        let client = try TestClient(port: upstream.port)
        try client.send("GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")

        let response = try client.readResponse()
        #expect(response.status == 400)
        try client.waitForClose()
        #expect(upstream.errors.count == 1)
        #expect(upstream.requests.isEmpty)
    }

    @Test("A handler that throws answers 500 and the failure is recorded")
    func failingHandler() throws {
        struct Refused: Error {}
        let upstream = try TestUpstream { _, _ in throw Refused() }
        let client = try TestClient(port: upstream.port)

        #expect(try client.get("/").status == 500)
        #expect(upstream.errors.count == 1)
    }

    @Test("Stopping the upstream closes its connections and refuses new ones")
    func stopping() throws {
        let upstream = try TestUpstream()
        let client = try TestClient(port: upstream.port)
        #expect(try client.get("/").status == 200)

        upstream.stop()
        try client.waitForClose()
        #expect(throws: TestSupportError.self) { try TestClient(port: upstream.port) }
    }
}
