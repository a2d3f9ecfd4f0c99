import TestSupport
import Testing

/// `source: "http"` through the real bearerd against a loopback token endpoint.
@Suite struct HTTPSourceTests {
    static let canary = "canary-license-7d41e"

    @Test func theTokenFromTheConfiguredFieldIsInjectedAfterARequestWithTheConfiguredHeadersAndBody() throws {
        let issuer = try TokenIssuer { _ in .body(#"{"data":{"jwt":"http-token-1","ttl":600}}"#) }
        let proxy = try CredentialProxy(
            credential: """
                source: "http", url: "\(issuer.url)?tenant=a", method: "PUT",
                headers: { "X-License": { env: "LICENSE" }, Accept: "application/vnd.test+json" },
                json: { license: { env: "LICENSE" }, days: 1, fresh: true, label: "a \\"b\\"" },
                response: { token: "data.jwt", expiresIn: "data.ttl" },
                """,
            environment: ["LICENSE": Self.canary])

        #expect(try proxy.injected() == "Bearer http-token-1")
        let request = try #require(issuer.requests.first)
        #expect(request.method == "PUT")
        #expect(request.target == "/token?tenant=a")
        #expect(request.header("X-License") == Self.canary)
        #expect(request.header("Accept") == "application/vnd.test+json")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("User-Agent") == "bearerd")
        #expect(request.bodyText == #"{"license":"\#(Self.canary)","days":1,"fresh":true,"label":"a \"b\""}"#)
        #expect(issuer.requests.count == 1)
        proxy.expectNeverPrinted([Self.canary, "http-token-1"])
    }

    @Test func aBodyThatIsNotJSONIsTheToken() throws {
        let issuer = try TokenIssuer { _ in .body("plain-token-42\n", contentType: "text/plain") }
        let proxy = try CredentialProxy(
            credential: #"source: "http", url: "\#(issuer.url)", body: { env: "FORM" }, ttl: "10m""#,
            environment: ["FORM": "license=\(Self.canary)"])

        #expect(try proxy.injected() == "Bearer plain-token-42")
        let request = try #require(issuer.requests.first)
        #expect(request.method == "POST")
        #expect(request.bodyText == "license=\(Self.canary)")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(request.header("Accept") == "application/json")
        proxy.expectNeverPrinted([Self.canary, "plain-token-42"])
    }

    @Test func aTokenWithAShortLifetimeIsReplacedBeforeItExpires() throws {
        let issuer = try TokenIssuer { n in .token(expiresIn: n == 1 ? 2 : 600) }
        let proxy = try CredentialProxy(credential: #"source: "http", url: "\#(issuer.url)", method: "GET""#)

        #expect(try proxy.injected() == "Bearer \(issuer.token(1))")
        // Refreshed at 80% of 2 s, give or take the jitter, with no request asking for it.
        let arrivals = try issuer.waitForArrivals(2)
        #expect(arrivals[1] - arrivals[0] >= .milliseconds(1500))
        #expect(arrivals[1] - arrivals[0] < .seconds(2))
        _ = try proxy.eventually("the refreshed token") {
            try proxy.injected() == "Bearer \(issuer.token(2))" ? true : nil
        }
        #expect(issuer.requests.allSatisfy { $0.method == "GET" && $0.body.isEmpty })
    }

    @Test func anIssuerThatRefusesConnectionsLeavesRequestsUnavailableAndSaysSo() throws {
        let proxy = try CredentialProxy(credential: #"source: "http", url: "http://127.0.0.1:1/token""#)

        let message = try proxy.unavailable()
        #expect(message.contains("issuer unreachable: "))
        try proxy.waitForLog(#"credential "api": token fetch failed (issuer unreachable: "#)
    }

    @Test func anIssuerSlowerThanTheFetchTimeoutIsAbandoned() throws {
        let gate = TestGate()
        defer { gate.open() }
        let issuer = try TokenIssuer { _ in .hang(gate) }
        let proxy = try CredentialProxy(
            credential: #"source: "http", url: "\#(issuer.url)", fetchTimeout: "300ms""#)

        #expect(try proxy.unavailable().contains("no answer within 300ms"))
        try proxy.waitForLog("token fetch failed (no answer within 300ms)")
        // The transfer was dropped, not left waiting.
        _ = try issuer.waitForAnyPeerClose()
    }

    @Test func anIssuerAnswering500IsRetriedAndTheNextTokenServed() throws {
        let issuer = try TokenIssuer { n in
            n == 1 ? .status(500, body: "secret-ish stack trace") : .token(expiresIn: 600)
        }
        let proxy = try CredentialProxy(
            credential: #"source: "http", url: "\#(issuer.url)", retry: { base: "50ms", max: "100ms" }"#)

        let message = try proxy.unavailable()
        #expect(message.contains("issuer answered 500"))
        #expect(!message.contains("stack trace"))
        try issuer.waitForArrivals(2)
        _ = try proxy.eventually("the token after the retry") {
            try proxy.injected() == "Bearer \(issuer.token(2))" ? true : nil
        }
        try proxy.waitForLog(#"credential "api": token fetched after 1 failed attempt"#)
        proxy.expectNeverPrinted(["stack trace"])
    }

    @Test func anIssuerAnswering429IsNotAskedAgainBeforeItsRetryAfter() throws {
        let issuer = try TokenIssuer { n in
            n == 1 ? .status(429, headers: [HeaderField("Retry-After", "2")]) : .token(expiresIn: 600)
        }
        let proxy = try CredentialProxy(
            credential: #"source: "http", url: "\#(issuer.url)", retry: { base: "50ms", max: "100ms" }"#)

        #expect(try proxy.unavailable().contains("issuer answered 429"))
        let arrivals = try issuer.waitForArrivals(2)
        #expect(arrivals[1] - arrivals[0] >= .seconds(2))
        #expect(try proxy.injected() == "Bearer \(issuer.token(2))")
    }

    @Test(arguments: [
        ("{not json", "response looks like a JSON object but does not parse"),
        (#"{"token_type":"Bearer"}"#, #"response had no field "access_token" or "accessToken" or "token""#),
        ("[1,2]", "response is JSON but not an object or a string"),
    ])
    func aGarbledAnswerIsAFailedFetch(body: String, expected: String) throws {
        let issuer = try TokenIssuer { _ in .body(body) }
        let proxy = try CredentialProxy(credential: #"source: "http", url: "\#(issuer.url)""#)

        #expect(try proxy.unavailable().contains(expected))
        try proxy.waitForLog(expected)
    }

    @Test func anAnswerAbove1MiBIsRefused() throws {
        let issuer = try TokenIssuer { _ in
            .body(String(repeating: "x", count: (1 << 20) + 1), contentType: "text/plain")
        }
        let proxy = try CredentialProxy(credential: #"source: "http", url: "\#(issuer.url)""#)

        #expect(try proxy.unavailable().contains("issuer answered with a body above 1048576 bytes"))
    }

    @Test func aJWTThatExpiredBeforeItArrivedIsAFailedFetchNotAToken() throws {
        let expired = TokenIssuer.jwt(expiresAt: TokenIssuer.epochSeconds() - 60)
        let issuer = try TokenIssuer { _ in .body(TokenIssuer.tokenJSON(expired, expiresIn: nil)) }
        let proxy = try CredentialProxy(credential: #"source: "http", url: "\#(issuer.url)""#)

        #expect(try proxy.unavailable().contains("token had already expired on arrival (by JWT exp"))
        #expect(proxy.echo.requests.isEmpty)
        proxy.expectNeverPrinted([expired])
    }
}
