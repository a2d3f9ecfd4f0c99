import TestSupport
import Testing

/// What the upstream receives and what the client gets back, for ordinary requests.
@Suite struct ForwardingTests {
    @Test func getArrivesBelowTheBasePathWithTheQueryByteForByteAndTheInjectedHeader() throws {
        let proxy = try ProxyFixture()
        let response = try proxy.client().get("/api/models/a%2Fb?x=1&y=%2F%20z|q&&empty=&{}=[]")
        #expect(response.status == 200)
        let request = try proxy.onlyRequest()
        #expect(request.method == "GET")
        #expect(request.target == "/v1/models/a%2Fb?x=1&y=%2F%20z|q&&empty=&{}=[]")
        #expect(request.headers.values(of: "Authorization") == ["Bearer \(ProxyFixture.token)"])
        #expect(request.header("Host") == "127.0.0.1:\(proxy.upstream.port)")
    }

    @Test func theClientsOwnCredentialsAndHopByHopHeadersNeverReachTheUpstream() throws {
        let proxy = try ProxyFixture()
        let response = try proxy.client().get(
            "/api/x",
            headers: [
                HeaderField("Authorization", "Bearer agent-should-not-send-this"),
                HeaderField("Proxy-Authorization", "Basic c2VjcmV0"),
                HeaderField("Connection", "keep-alive, X-Hop"),
                HeaderField("X-Hop", "listed in Connection"),
                HeaderField("Keep-Alive", "timeout=5"),
                HeaderField("TE", "trailers"),
                HeaderField("Upgrade", "websocket"),
                HeaderField("Proxy-Connection", "keep-alive"),
                HeaderField("X-End-To-End", "kept"),
                HeaderField("Cookie", "a=1"),
            ])
        #expect(response.status == 200)
        let request = try proxy.onlyRequest()
        let names = request.headers.lowercasedNames
        for dropped in ["proxy-authorization", "connection", "x-hop", "keep-alive", "te", "upgrade", "proxy-connection"] {
            #expect(!names.contains(dropped), "\(dropped) was forwarded")
        }
        #expect(request.headers.values(of: "Authorization") == ["Bearer \(ProxyFixture.token)"])
        #expect(request.header("X-End-To-End") == "kept")
        #expect(request.header("Cookie") == "a=1")
    }

    @Test func anEncodedSlashInsideASegmentIsForwardedAndAnEmptyHeaderToo() throws {
        let proxy = try ProxyFixture()
        let response = try proxy.client().get("/api/projects/group%2Fproject", headers: [HeaderField("X-Empty", "")])
        #expect(response.status == 200)
        let request = try proxy.onlyRequest()
        #expect(request.target == "/v1/projects/group%2Fproject")
        #expect(request.headers.values(of: "X-Empty") == [""])
    }

    @Test func libcurlAddsNothingOfItsOwn() throws {
        let proxy = try ProxyFixture()
        _ = try proxy.client().post("/api/upload", body: [UInt8](repeating: 0x61, count: 2 * 1024 * 1024))
        let request = try proxy.onlyRequest()
        let names = request.headers.lowercasedNames
        #expect(names.filter { $0 != "host" && $0 != "content-length" && $0 != "authorization" }.isEmpty, "\(names)")
        #expect(request.expectedContinue == false)
    }

    @Test func aRouteCanInjectAnyHeaderWithItsOwnFormatAndFixedHeaders() throws {
        let proxy = try ProxyFixture(
            route: #"header: "x-api-key", format: "{token}", headers: { "anthropic-version": "2023-06-01" }"#)
        _ = try proxy.client().get(
            "/api/messages", headers: [HeaderField("X-Api-Key", "agent-key"), HeaderField("anthropic-version", "old")])
        let request = try proxy.onlyRequest()
        #expect(request.headers.values(of: "x-api-key") == [ProxyFixture.token])
        #expect(request.headers.values(of: "anthropic-version") == ["2023-06-01"])
        #expect(request.header("Authorization") == nil)
    }

    @Test func aPostBodyWithContentLengthArrivesIntact() throws {
        let proxy = try ProxyFixture()
        let body = Array("{\"model\":\"m\",\"messages\":[]}".utf8)
        let response = try proxy.client().post(
            "/api/messages", body: body, headers: [HeaderField("Content-Type", "application/json")])
        #expect(response.status == 200)
        let request = try proxy.onlyRequest()
        #expect(request.method == "POST")
        #expect(request.body == body)
        #expect(request.header("Content-Length") == "\(body.count)")
        #expect(request.header("Content-Type") == "application/json")
    }

    @Test func aChunkedRequestBodyArrivesIntact() throws {
        let proxy = try ProxyFixture()
        let client = try proxy.client()
        let pieces = [Array("hello ".utf8), Array("chunked ".utf8), Array("world".utf8)]
        try client.sendRequest(
            "PUT", "/api/things/1", headers: [HeaderField("Transfer-Encoding", "chunked")],
            body: TestClient.chunked(pieces, trailers: [HeaderField("X-Trailer", "t")]))
        let response = try client.readResponse()
        #expect(response.status == 200)
        let request = try proxy.onlyRequest()
        #expect(request.method == "PUT")
        #expect(request.bodyText == "hello chunked world")
    }

    @Test(arguments: ["DELETE", "OPTIONS", "PATCH"])
    func otherMethodsKeepTheirName(method: String) throws {
        let proxy = try ProxyFixture()
        let client = try proxy.client()
        try client.sendRequest(method, "/api/r", body: method == "PATCH" ? Array("{}".utf8) : nil)
        #expect(try client.readResponse().status == 200)
        let request = try proxy.onlyRequest()
        #expect(request.method == method)
        #expect(request.bodyText == (method == "PATCH" ? "{}" : ""))
    }

    @Test func anUpstreamContentLengthIsKeptAndAStreamedBodyIsChunked() throws {
        let feed = StreamFeed()
        let upstream = try TestUpstream { request, writer in
            if request.target.hasSuffix("/fixed") {
                try writer.respond(status: 201, headers: [HeaderField("X-Up", "1")], body: "twelve bytes")
            } else {
                try TestUpstream.stream(feed)(request, writer)
            }
        }
        let proxy = try ProxyFixture(upstream: upstream)
        let client = try proxy.client()
        let fixed = try client.get("/api/fixed")
        #expect(fixed.status == 201)
        #expect(fixed.header("Content-Length") == "12")
        #expect(fixed.header("X-Up") == "1")
        #expect(fixed.bodyText == "twelve bytes")
        feed.send(Array("part one, ".utf8))
        feed.send(Array("part two".utf8))
        feed.finish()
        let streamed = try client.get("/api/stream")
        #expect(streamed.framing == .chunked)
        #expect(streamed.bodyText == "part one, part two")
    }

    @Test func headAnd204And304AnswersCarryNoBody() throws {
        let upstream = try TestUpstream { request, writer in
            switch request.target {
            case "/v1/204": try writer.respond(status: 204, headers: [], body: "")
            case "/v1/304": try writer.writeRaw(Array("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n".utf8))
            default: try writer.respond(status: 200, headers: [], body: "body for GET")
            }
        }
        let proxy = try ProxyFixture(upstream: upstream)
        let client = try proxy.client()
        let head = try client.head("/api/resource")
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == "12")
        #expect(head.body.isEmpty)
        let noContent = try client.get("/api/204")
        #expect(noContent.status == 204)
        #expect(noContent.header("Transfer-Encoding") == nil)
        let notModified = try client.get("/api/304")
        #expect(notModified.status == 304)
        #expect(notModified.header("ETag") == "\"x\"")
        // The connection is still in step: a last request gets its own answer.
        #expect(try client.get("/api/resource").bodyText == "body for GET")
    }

    @Test func expect100ContinueIsAnsweredBeforeTheBodyIsSent() throws {
        let proxy = try ProxyFixture()
        let client = try proxy.client()
        try client.send(
            "POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:\(try proxy.bearerd.port)\r\nContent-Length: 5\r\n"
                + "Expect: 100-continue\r\n\r\n")
        let interim = try client.read(until: "\r\n\r\n")
        #expect(String(decoding: interim, as: UTF8.self).hasPrefix("HTTP/1.1 100 Continue\r\n"))
        try client.send("hello")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(try proxy.onlyRequest().bodyText == "hello")
    }
}
