import TestSupport
import Testing

/// HTTPS upstreams, and what the client gets when an upstream fails.
@Suite struct UpstreamFailureTests {
    @Test func anHTTPSUpstreamIsVerifiedAgainstTheRoutesCA() throws {
        let https = try HTTPSUpstream()
        let proxy = try ProxyFixture(
            route: #"caFile: "\#(https.certificates.caCertificate)""#, upstreamURL: "\(https.baseURL)/v1/")
        let response = try proxy.client().get("/api/secure?q=1")
        #expect(response.status == 200)
        let request = try https.waitForRequests(1)[0]
        #expect(request.target == "/v1/secure?q=1")
        #expect(request.scheme == "https")
        #expect(request.header("Authorization") == "Bearer \(ProxyFixture.token)")
    }

    @Test func throughARouteProxyTheClientGetsTheUpstreamsAnswerNotTheProxys() throws {
        let https = try HTTPSUpstream()
        let tunnel = try ConnectProxy()
        let proxy = try ProxyFixture(
            route: #"caFile: "\#(https.certificates.caCertificate)", proxy: "http://127.0.0.1:\#(tunnel.port)""#,
            upstreamURL: "\(https.baseURL)/v1/")
        let response = try proxy.client().get("/api/through")
        #expect(response.status == 200)
        #expect(response.header("Proxy-Agent") == nil)
        #expect(try response.echo().target == "/v1/through")
        #expect(tunnel.connectTargets == ["127.0.0.1:\(https.port)"])
        #expect(try https.waitForRequests(1)[0].header("Authorization") == "Bearer \(ProxyFixture.token)")
    }

    @Test func aCertificateFromAnotherCAGetsAClear502AndNoRequestGoesOut() throws {
        let https = try HTTPSUpstream()
        let proxy = try ProxyFixture(
            route: #"caFile: "\#(https.certificates.otherCACertificate)""#, upstreamURL: "\(https.baseURL)/v1/")
        let response = try proxy.client().get("/api/secure")
        #expect(response.status == 502)
        #expect(response.bodyText.contains(#""type":"upstream_tls_error""#))
        #expect(response.bodyText.lowercased().contains("certificate"))
        #expect(try https.requests.isEmpty)
    }

    @Test func anUnreachableUpstreamGets502() throws {
        let closed = try TestUpstream()
        let port = closed.port
        closed.stop()
        let proxy = try ProxyFixture(upstreamURL: "http://127.0.0.1:\(port)/")
        let response = try proxy.client().get("/api/x")
        #expect(response.status == 502)
        #expect(response.bodyText.contains(#""type":"upstream_unreachable""#))
    }

    @Test func noResponseHeadWithinTheResponseTimeoutGets504() throws {
        let gate = TestGate()
        let silent = try RawUpstream([.wait(gate), .close])
        let proxy = try ProxyFixture(upstream: silent, route: #"timeouts: { response: "300ms" }"#)
        let response = try proxy.client().get("/api/slow", timeout: .seconds(5))
        gate.open()
        #expect(response.status == 504)
        #expect(response.bodyText.contains(#""type":"upstream_timeout""#))
    }

    @Test func anUpstreamThatStallsMidBodyIsCutAfterTheIdleTimeout() throws {
        let gate = TestGate()
        let stalling = try RawUpstream([
            .write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"), .wait(gate), .close,
        ])
        let proxy = try ProxyFixture(upstream: stalling, route: #"timeouts: { idle: "300ms" }"#)
        let client = try proxy.client()
        try client.sendRequest("GET", "/api/stall")
        let rest = String(decoding: try client.waitForClose(timeout: .seconds(5)), as: UTF8.self)
        gate.open()
        #expect(rest.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(rest.hasSuffix("\r\n\r\npartial"))
    }

    @Test func anUpstreamThatBreaksMidBodyEndsTheClientConnectionWithoutATerminator() throws {
        let gate = TestGate()
        let broken = try RawUpstream([
            .write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"), .wait(gate), .reset,
        ])
        let proxy = try ProxyFixture(upstream: broken)
        let client = try proxy.client()
        try client.sendRequest("GET", "/api/broken")
        #expect(try client.readResponseHead().status == 200)
        #expect(try client.readChunk() == .chunk(ReceivedChunk("hello")))
        gate.open()
        // No last chunk: the cut connection is how the client learns the body is incomplete.
        let rest = try client.waitForClose(timeout: .seconds(5))
        #expect(rest.isEmpty)
    }

    @Test func anUpstreamLengthNextToChunkedFramingIsDroppedSoNoResponseCanBeSmuggled() throws {
        // The upstream claims 5 bytes but frames 0x33: with the length kept, the client would read
        // "AAAAA" and take the rest for the answer to its next request.
        let raw = try RawUpstream(script: { request in
            request.target.hasSuffix("/clte")
                ? [.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "33\r\nAAAAAHTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nSMUGGLED\r\n0\r\n\r\n")]
                : [.write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nreal")]
        })
        let proxy = try ProxyFixture(upstream: raw)
        let client = try proxy.client()
        let host = "127.0.0.1:\(try proxy.bearerd.port)"
        try client.send(TestClient.request("GET", "/api/clte", host: host) + TestClient.request("GET", "/api/next", host: host))
        let responses = try client.readResponses(2)
        #expect(responses[0].header("Content-Length") == nil)
        #expect(responses[0].bodyText == "AAAAAHTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nSMUGGLED")
        #expect(responses[1].bodyText == "real")
    }

    @Test func twoDifferentUpstreamLengthsAreNotPassedOn() throws {
        let raw = try RawUpstream([.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 10\r\n\r\n0123456789"), .close])
        let proxy = try ProxyFixture(upstream: raw)
        let response = try proxy.client().get("/api/x")
        #expect(response.headers.values(of: "Content-Length").count <= 1)
        #expect(response.header("Content-Length") != "5")
    }

    @Test(arguments: 1...3)
    func bytesQueuedBeforeAnUpstreamBreaksStillReachTheClient(round: Int) throws {
        let raw = try RawUpstream([.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + String(repeating: "x", count: 60)), .close])
        let proxy = try ProxyFixture(upstream: raw)
        let client = try proxy.client()
        try client.sendRequest("GET", "/api/short")
        let rest = String(decoding: try client.waitForClose(), as: UTF8.self)
        #expect(rest.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(rest.hasSuffix("\r\n\r\n" + String(repeating: "x", count: 60)))
    }

    @Test func anUpstreamThatClosesWithoutAnswering502() throws {
        let rude = try RawUpstream([.close])
        let proxy = try ProxyFixture(upstream: rude)
        let response = try proxy.client().get("/api/x")
        #expect(response.status == 502)
    }

    @Test func upstreamResponseHeadersArePassedButHopByHopOnesAreNot() throws {
        let raw = try RawUpstream([
            .write(
                "HTTP/1.1 200 OK\r\nConnection: X-Secret-Hop\r\nX-Secret-Hop: 1\r\nKeep-Alive: timeout=5\r\n"
                    + "Set-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 2\r\n\r\nok"),
        ])
        let proxy = try ProxyFixture(upstream: raw)
        let response = try proxy.client().get("/api/x")
        #expect(response.status == 200)
        #expect(response.headers.values(of: "Set-Cookie") == ["a=1", "b=2"])
        #expect(response.header("X-Secret-Hop") == nil)
        #expect(response.header("Keep-Alive") == nil)
        #expect(response.bodyText == "ok")
    }

    @Test func environmentProxiesAreIgnored() throws {
        let trap = try TestUpstream()
        let proxy = try ProxyFixture(environment: [
            "http_proxy": trap.baseURL, "HTTP_PROXY": trap.baseURL, "https_proxy": trap.baseURL, "ALL_PROXY": trap.baseURL,
        ])
        #expect(try proxy.client().get("/api/x").status == 200)
        #expect(try proxy.onlyRequest().target == "/v1/x")
        #expect(trap.requests.isEmpty)
    }
}
