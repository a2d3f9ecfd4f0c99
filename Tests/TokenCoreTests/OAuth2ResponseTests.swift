import Testing

@testable import TokenCore

@Suite struct OAuth2ResponseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int
        var retryAfter: String? = nil
        var body: String
        var expected: Result<TokenMaterial, FetchFailure>
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "RFC 6749 §5.1 example",
            status: 200,
            body: #"""
                {"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,
                 "refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","example_parameter":"example_value"}
                """#,
            expected: material("2YotnFZFEjr1zCsicMWpAA", scheme: "example", expiresIn: .seconds(3600))
        ),
        Case(
            name: "no token_type, no expires_in",
            status: 200,
            body: #"{"access_token":"abc"}"#,
            expected: material("abc")
        ),
        Case(
            name: "invalid_client with a description",
            status: 401,
            body: #"{"error":"invalid_client","error_description":"Client authentication failed"}"#,
            expected: .failure(.permanent("issuer answered 401 invalid_client: Client authentication failed"))
        ),
        Case(
            name: "invalid_grant",
            status: 400,
            body: #"{"error":"invalid_grant"}"#,
            expected: .failure(.permanent("issuer answered 400 invalid_grant"))
        ),
        Case(
            name: "unauthorized_client",
            status: 400,
            body: #"{"error":"unauthorized_client"}"#,
            expected: .failure(.permanent("issuer answered 400 unauthorized_client"))
        ),
        Case(
            name: "invalid_scope",
            status: 400,
            body: #"{"error":"invalid_scope","error_description":"scope \"admin\" unknown"}"#,
            expected: .failure(.permanent(#"issuer answered 400 invalid_scope: scope "admin" unknown"#))
        ),
        Case(
            name: "invalid_client with a 500 status is still permanent",
            status: 500,
            body: #"{"error":"invalid_client"}"#,
            expected: .failure(.permanent("issuer answered 500 invalid_client"))
        ),
        Case(
            name: "temporarily_unavailable with a 400 status is transient",
            status: 400,
            retryAfter: "15",
            body: #"{"error":"temporarily_unavailable"}"#,
            expected: .failure(.transient("issuer answered 400 temporarily_unavailable", retryAfter: .seconds(15)))
        ),
        Case(
            name: "an unknown code keeps the status's class",
            status: 503,
            retryAfter: "10",
            body: #"{"error":"overloaded"}"#,
            expected: .failure(.transient("issuer answered 503 overloaded", retryAfter: .seconds(10)))
        ),
        Case(
            name: "an error page that is not JSON",
            status: 403,
            body: "<html>Forbidden CANARY</html>",
            expected: .failure(.permanent("issuer answered 403"))
        ),
        Case(
            name: "a description with control characters, cut when long",
            status: 400,
            body: #"{"error":"invalid_request","error_description":"line one\nline\u001b[31m two "#
                + String(repeating: "x", count: 200) + #""}"#,
            expected: .failure(
                .permanent(
                    "issuer answered 400 invalid_request: line one line [31m two "
                        + String(repeating: "x", count: 160 - 23) + "…"
                )
            )
        ),
        Case(
            name: "a success that is not JSON",
            status: 200,
            body: "CANARY",
            expected: .failure(.permanent("response is not a JSON object"))
        ),
        Case(
            name: "a success without access_token",
            status: 200,
            body: #"{"token":"CANARY","token_type":"Bearer"}"#,
            expected: .failure(.permanent(#"response had no field "access_token""#))
        ),
    ]

    @Test("reads OAuth2 token responses and error responses", arguments: cases)
    func parses(_ testCase: Case) {
        let result = outcome { () throws(FetchFailure) in
            try TokenResponse.parseOAuth2(
                status: testCase.status, retryAfter: testCase.retryAfter, body: Array(testCase.body.utf8))
        }
        #expect(result == testCase.expected)
        if case .failure(let failure) = result {
            #expect(!failure.summary.contains("CANARY"))
        }
    }
}
