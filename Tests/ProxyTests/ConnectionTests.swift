import Glibc
import TestSupport
import Testing

/// Client connections: keep-alive, pipelining, HTTP/1.0, Unix sockets, upstream connection reuse.
@Suite struct ConnectionTests {
    @Test func keepAliveRequestsShareOneClientAndOneUpstreamConnection() throws {
        let proxy = try ProxyFixture()
        let client = try proxy.client()
        for index in 0..<5 {
            let response = try client.get("/api/n/\(index)")
            #expect(response.status == 200)
            #expect(try response.echo().target == "/v1/n/\(index)")
        }
        #expect(proxy.upstream.connectionsAccepted == 1)
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let proxy = try ProxyFixture()
        let client = try proxy.client()
        let host = "127.0.0.1:\(try proxy.bearerd.port)"
        var bytes: [UInt8] = []
        bytes += TestClient.request("GET", "/api/first", host: host)
        bytes += TestClient.request("POST", "/api/second", host: host, body: Array("two".utf8))
        bytes += TestClient.request("HEAD", "/api/third", host: host)
        bytes += TestClient.request("GET", "/api/fourth", host: host)
        try client.send(bytes)
        let responses = try client.readResponses(4, headRequests: [2])
        #expect(try responses[0].echo().target == "/v1/first")
        #expect(try responses[1].echo().target == "/v1/second")
        #expect(try responses[1].echo().bodyLength == 3)
        #expect(responses[2].status == 200 && responses[2].body.isEmpty)
        #expect(try responses[3].echo().target == "/v1/fourth")
    }

    @Test func anHTTP10ClientGetsAnAnswerDelimitedByClose() throws {
        let feed = StreamFeed()
        let proxy = try ProxyFixture(upstream: try TestUpstream(handler: TestUpstream.stream(feed)))
        let client = try proxy.client()
        try client.send("GET /api/stream HTTP/1.0\r\nHost: 127.0.0.1:\(try proxy.bearerd.port)\r\n\r\n")
        feed.send("no length known ")
        feed.send("in advance")
        feed.finish()
        let rest = try client.waitForClose(timeout: .seconds(5))
        let text = String(decoding: rest, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(!text.lowercased().contains("transfer-encoding"))
        #expect(text.hasSuffix("\r\n\r\nno length known in advance"))
    }

    @Test func anHTTP10KeepAliveClientKeepsItsConnectionWhenTheLengthIsKnown() throws {
        let proxy = try ProxyFixture()
        let client = try proxy.client()
        for _ in 0..<2 {
            try client.send("GET /api/x HTTP/1.0\r\nHost: 127.0.0.1:\(try proxy.bearerd.port)\r\nConnection: keep-alive\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Connection")?.lowercased() == "keep-alive")
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        let proxy = try ProxyFixture()
        let client = try proxy.client()
        let response = try client.get("/api/x", headers: [HeaderField("Connection", "close")])
        #expect(response.status == 200)
        #expect(response.header("Connection") == "close")
        _ = try client.waitForClose(timeout: .seconds(2))
    }

    @Test func aUnixSocketListenerServesWithTheConfiguredMode() throws {
        let upstream = try TestUpstream()
        let directory = try TemporaryDirectory(prefix: "bearerd-unix")
        let socketPath = directory.path("agent.sock")
        let bearerd = try BearerdProcess.start(
            config: """
                {
                  listen: [{ address: "unix:\(socketPath)", mode: "0600" }],
                  credentials: { main: { source: "static", value: { env: "BEARERD_TEST_TOKEN" } } },
                  routes: [{ path: "/api/", upstream: "\(upstream.baseURL)/v1/", credential: "main" }],
                }
                """,
            environment: ["BEARERD_TEST_TOKEN": ProxyFixture.token])
        #expect(bearerd.listeners == [.unix(path: socketPath)])
        var info = stat()
        #expect(stat(socketPath, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        // Browsers cannot reach a Unix socket: any Host is fine there.
        let client = try TestClient(unixPath: socketPath)
        let response = try client.get("/api/via-unix", headers: [HeaderField("Host", "localhost")])
        #expect(response.status == 200)
        #expect(try upstream.waitForRequests(1)[0].headers.values(of: "Authorization") == ["Bearer \(ProxyFixture.token)"])
    }

    @Test func anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws {
        let proxy = try ProxyFixture(top: #"timeouts: { clientIdle: "300ms" }"#)
        let client = try proxy.client()
        #expect(try client.get("/api/x").status == 200)
        _ = try client.waitForClose(timeout: .seconds(3))
    }

    @Test func aRequestHeadThatNeverCompletesGets408() throws {
        let proxy = try ProxyFixture(top: #"timeouts: { clientHeader: "300ms" }"#)
        let client = try proxy.client()
        try client.send("GET /api/x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        let rest = String(decoding: try client.waitForClose(timeout: .seconds(3)), as: UTF8.self)
        #expect(rest.hasPrefix("HTTP/1.1 408 "))
        #expect(proxy.upstream.requests.isEmpty)
    }
}
