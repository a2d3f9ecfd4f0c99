import Glibc
import TestSupport
import Testing

/// An upstream 401 on a request that carried the current token: the token is invalidated, a fresh one
/// fetched, and the request replayed once if the fresh token differs; otherwise the 401 passes.
@Suite struct UnauthorizedReplayTests {
    /// An upstream that accepts only `Bearer <accepted>`; on a rejected token it first calls `onReject`.
    private static func upstream(accepting accepted: String, onReject: @escaping @Sendable () -> Void = {}) throws -> TestUpstream {
        try TestUpstream { request, writer in
            if request.header("Authorization") == "Bearer \(accepted)" {
                try TestUpstream.echo(request, writer)
            } else {
                onReject()
                try writer.respond(status: 401, headers: [HeaderField("WWW-Authenticate", "Bearer")], body: #"{"error":"expired"}"#)
            }
        }
    }

    private static func fileProxy(upstream: TestUpstream, tokenFile: String, route: String = "") throws -> BearerdProcess {
        try BearerdProcess.start(config: """
            {
              listen: ["127.0.0.1:0"],
              credentials: { rotating: { source: "file", path: "\(tokenFile)" } },
              routes: [{ path: "/api/", upstream: "\(upstream.baseURL)/", credential: "rotating", \(route) }],
            }
            """)
    }

    @Test func aRejectedTokenIsReplacedAndTheRequestReplayedOnceWithItsBody() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-401")
        let tokenFile = try directory.write("token", "token-one\n")
        // The issuer rotated the token: the upstream no longer takes the old one.
        let upstream = try Self.upstream(accepting: "token-two") {
            _ = try? directory.write("token", "token-two\n")
        }
        let bearerd = try Self.fileProxy(upstream: upstream, tokenFile: tokenFile)
        let response = try TestClient(port: try bearerd.port).post("/api/messages", body: "{\"q\":1}")
        #expect(response.status == 200)
        let requests = try upstream.waitForRequests(2)
        #expect(requests.map { $0.header("Authorization") } == ["Bearer token-one", "Bearer token-two"])
        #expect(requests.map(\.bodyText) == ["{\"q\":1}", "{\"q\":1}"])
    }

    @Test func whenTheFreshTokenIsTheSameThe401PassesThroughWithoutALoop() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-401")
        let tokenFile = try directory.write("token", "token-one\n")
        let upstream = try Self.upstream(accepting: "never")
        let bearerd = try Self.fileProxy(upstream: upstream, tokenFile: tokenFile)
        let response = try TestClient(port: try bearerd.port).get("/api/x")
        #expect(response.status == 401)
        #expect(response.header("WWW-Authenticate") == "Bearer")
        #expect(response.bodyText == #"{"error":"expired"}"#)
        #expect(upstream.requests.count == 1)
    }

    @Test func aRouteCanTurnTheReplayOff() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-401")
        let tokenFile = try directory.write("token", "token-one\n")
        let upstream = try Self.upstream(accepting: "token-two") {
            _ = try? directory.write("token", "token-two\n")
        }
        let bearerd = try Self.fileProxy(upstream: upstream, tokenFile: tokenFile, route: "retryOn401: false")
        #expect(try TestClient(port: try bearerd.port).get("/api/x").status == 401)
        #expect(upstream.requests.count == 1)
    }

    @Test func aBodyLargerThanTheReplayLimitIsNotReplayed() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-401")
        let tokenFile = try directory.write("token", "token-one\n")
        let upstream = try Self.upstream(accepting: "token-two") {
            _ = try? directory.write("token", "token-two\n")
        }
        let bearerd = try BearerdProcess.start(config: """
            {
              listen: ["127.0.0.1:0"], limits: { replayBody: 16 },
              credentials: { rotating: { source: "file", path: "\(tokenFile)" } },
              routes: [{ path: "/api/", upstream: "\(upstream.baseURL)/", credential: "rotating" }],
            }
            """)
        let client = try TestClient(port: try bearerd.port)
        #expect(try client.post("/api/x", body: String(repeating: "b", count: 17)).status == 401)
        // The next request uses the fresh token.
        #expect(try client.get("/api/y").status == 200)
        #expect(try upstream.waitForRequests(2).map { $0.header("Authorization") } == ["Bearer token-one", "Bearer token-two"])
    }

    @Test func a401TooLargeToHoldBackStillInvalidatesTheToken() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-401")
        let tokenFile = try directory.write("token", "token-one\n")
        let upstream = try TestUpstream { request, writer in
            if request.header("Authorization") == "Bearer token-two" {
                try TestUpstream.echo(request, writer)
            } else {
                _ = try? directory.write("token", "token-two\n")
                try writer.respond(status: 401, headers: [], body: String(repeating: "e", count: 70 * 1024))
            }
        }
        let bearerd = try Self.fileProxy(upstream: upstream, tokenFile: tokenFile)
        let client = try TestClient(port: try bearerd.port)
        let rejected = try client.get("/api/x")
        #expect(rejected.status == 401)
        #expect(rejected.body.count == 70 * 1024)
        #expect(try client.get("/api/y").status == 200)
    }

    @Test func aStaticCredentialPassesThe401ThroughAtOnce() throws {
        let upstream = try Self.upstream(accepting: "never")
        let proxy = try ProxyFixture(upstream: upstream)
        let client = try proxy.client()
        #expect(try client.get("/api/x").status == 401)
        #expect(try client.get("/api/x").status == 401)
        #expect(upstream.requests.count == 2)
    }
}
