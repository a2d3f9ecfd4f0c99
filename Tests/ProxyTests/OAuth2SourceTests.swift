import FoundationEssentials
import TestSupport
import Testing

/// `source: "oauth2"` (client credentials) through the real bearerd against a loopback token endpoint.
@Suite struct OAuth2SourceTests {
    static let canary = "canary-oauth2:s3cret/+&="
    /// `canary` form-encoded (RFC 6749 Appendix B).
    static let encodedCanary = "canary-oauth2%3As3cret%2F%2B%26%3D"

    func credential(_ issuer: TokenIssuer, _ extra: String) -> String {
        """
        source: "oauth2", tokenUrl: "\(issuer.url)", clientId: "agent id", clientSecret: { env: "CLIENT_SECRET" },
        \(extra)
        """
    }

    @Test func basicAuthenticationSendsTheFormEncodedIdAndSecretInAnAuthorizationHeader() throws {
        let issuer = try TokenIssuer { _ in .token(expiresIn: 3600) }
        let proxy = try CredentialProxy(
            credential: credential(
                issuer,
                """
                scopes: ["read:all", "write"], audience: "https://api.example/", resource: "urn:example:api",
                parameters: { tenant: "t 1", extra: { env: "EXTRA" } },
                """),
            environment: ["CLIENT_SECRET": Self.canary, "EXTRA": "from env"])

        #expect(try proxy.injected() == "Bearer \(issuer.token(1))")
        let request = try #require(issuer.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/token")
        let expected = Data("agent+id:\(Self.encodedCanary)".utf8).base64EncodedString()
        #expect(request.header("Authorization") == "Basic \(expected)")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(request.header("Accept") == "application/json")
        #expect(
            request.bodyText
                == "grant_type=client_credentials&scope=read%3Aall+write&audience=https%3A%2F%2Fapi.example%2F"
                + "&resource=urn%3Aexample%3Aapi&tenant=t+1&extra=from+env")
        proxy.expectNeverPrinted([Self.canary, Self.encodedCanary, expected, issuer.token(1)])
    }

    @Test func postAuthenticationSendsTheIdAndSecretInTheBody() throws {
        let issuer = try TokenIssuer { _ in .token(expiresIn: 3600) }
        let proxy = try CredentialProxy(
            credential: credential(issuer, #"auth: "post", scopes: ["search"]"#),
            environment: ["CLIENT_SECRET": Self.canary])

        #expect(try proxy.injected() == "Bearer \(issuer.token(1))")
        let request = try #require(issuer.requests.first)
        #expect(request.header("Authorization") == nil)
        #expect(
            request.bodyText
                == "grant_type=client_credentials&scope=search&client_id=agent+id&client_secret=\(Self.encodedCanary)")
        proxy.expectNeverPrinted([Self.canary, Self.encodedCanary])
    }

    @Test func aRejectedClientIsReportedWithTheIssuersErrorAsAPermanentFailure() throws {
        let issuer = try TokenIssuer { _ in
            .status(
                401, body: #"{"error":"invalid_client","error_description":"Client authentication failed"}"#,
                headers: [HeaderField("Content-Type", "application/json")])
        }
        let proxy = try CredentialProxy(
            credential: credential(issuer, ""), environment: ["CLIENT_SECRET": Self.canary])

        let expected = "issuer answered 401 invalid_client: Client authentication failed"
        #expect(try proxy.unavailable().contains(expected))
        let line = try proxy.waitForLog("token fetch failed (\(expected))")
        #expect(line.contains("failure=permanent"))
        proxy.expectNeverPrinted([Self.canary, Self.encodedCanary])
    }

    @Test func theIssuersTokenTypeIsUsedUnlessTheCredentialNamesOne() throws {
        let issuer = try TokenIssuer { _ in .body(#"{"access_token":"typed-1","token_type":"bearer"}"#) }
        let proxy = try CredentialProxy(credential: credential(issuer, ""), environment: ["CLIENT_SECRET": "s"])
        #expect(try proxy.injected() == "Bearer typed-1")

        let named = try CredentialProxy(
            credential: credential(issuer, #"type: "DPoP""#), environment: ["CLIENT_SECRET": "s"])
        #expect(try named.injected() == "DPoP typed-1")
    }
}
