import Testing

@testable import TokenCore

/// The outcome of a parse, comparable in one `#expect`.
func outcome(_ parse: () throws(FetchFailure) -> TokenMaterial) -> Result<TokenMaterial, FetchFailure> {
    do throws(FetchFailure) {
        return .success(try parse())
    } catch {
        return .failure(error)
    }
}

func material(_ token: String, scheme: String? = nil, expiresIn: Duration? = nil, expiresAt: WallTime? = nil)
    -> Result<TokenMaterial, FetchFailure>
{
    .success(TokenMaterial(secret: Secret(token), scheme: scheme, expiresIn: expiresIn, expiresAt: expiresAt))
}

@Suite struct TokenResponseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var status = 200
        var retryAfter: String? = nil
        var body: String
        var fields = TokenResponse.Fields.standard
        var expected: Result<TokenMaterial, FetchFailure>
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "OAuth2-style fields",
            body: #"{"access_token":"abc","token_type":"bearer","expires_in":3600}"#,
            expected: material("abc", scheme: "bearer", expiresIn: .seconds(3600))
        ),
        Case(
            name: "camelCase fields, expiry as a string",
            body: #"{"accessToken":"abc","tokenType":"Bearer","expiresIn":"300"}"#,
            expected: material("abc", scheme: "Bearer", expiresIn: .seconds(300))
        ),
        Case(name: "plain token field", body: #"{"token":"abc"}"#, expected: material("abc")),
        Case(name: "the first default wins", body: #"{"token":"b","access_token":"a"}"#, expected: material("a")),
        Case(name: "a null field is absent", body: #"{"access_token":null,"token":"b"}"#, expected: material("b")),
        Case(
            name: "configured dotted paths",
            body: #"{"data":{"token":"abc","kind":"Token","ttl":60.5}}"#,
            fields: TokenResponse.Fields(token: "data.token", scheme: "data.kind", expiresIn: "data.ttl"),
            expected: material("abc", scheme: "Token", expiresIn: .milliseconds(60_500))
        ),
        Case(name: "a text body is the token", body: "abc.def-ghi\n", expected: material("abc.def-ghi")),
        Case(name: "a JSON string is the token", body: #""abc""#, expected: material("abc")),
        Case(name: "an empty body", body: " \n", expected: .failure(.permanent("response is empty"))),
        Case(
            name: "no token field",
            body: #"{"CANARY":"s3cr3t"}"#,
            expected: .failure(.permanent(#"response had no field "access_token" or "accessToken" or "token""#))
        ),
        Case(
            name: "configured path missing",
            body: #"{"data":{"tok":"CANARY"}}"#,
            fields: TokenResponse.Fields(token: "data.token", scheme: nil, expiresIn: nil),
            expected: .failure(.permanent(#"response had no field "data.token""#))
        ),
        Case(
            name: "token is a number",
            body: #"{"access_token":12345}"#,
            expected: .failure(.permanent(#"response field "access_token" is a number, not a string"#))
        ),
        Case(
            name: "expiry is not a number",
            body: #"{"access_token":"CANARY","expires_in":"soon"}"#,
            expected: .failure(.permanent(#"response field "expires_in" is not a number of seconds"#))
        ),
        Case(
            name: "expiry beyond any sane value",
            body: #"{"access_token":"CANARY","expires_in":1e300}"#,
            expected: .failure(.permanent(#"response field "expires_in" is not a number of seconds"#))
        ),
        Case(
            name: "truncated JSON",
            body: #"{"access_token":"CANARY""#,
            expected: .failure(.permanent("response looks like a JSON object but does not parse"))
        ),
        Case(
            name: "a JSON array",
            body: #"["CANARY"]"#,
            expected: .failure(.permanent("response is JSON but not an object or a string"))
        ),
        Case(
            name: "503 with Retry-After",
            status: 503,
            retryAfter: "30",
            body: "upstream connect error CANARY",
            expected: .failure(.transient("issuer answered 503", retryAfter: .seconds(30)))
        ),
        Case(
            name: "200 with an OAuth2 error",
            body: #"{"error":"invalid_client"}"#,
            expected: .failure(.permanent("issuer answered 200 invalid_client"))
        ),
    ]

    @Test("reads a token endpoint's answer", arguments: cases)
    func parses(_ testCase: Case) {
        let result = outcome { () throws(FetchFailure) in
            try TokenResponse.parse(
                status: testCase.status,
                retryAfter: testCase.retryAfter,
                body: Array(testCase.body.utf8),
                fields: testCase.fields
            )
        }
        #expect(result == testCase.expected)
        if case .failure(let failure) = result {
            #expect(!failure.summary.contains("CANARY"))
        }
    }

    @Test("a body above the size limit is refused")
    func sizeLimit() {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: TokenResponse.maximumSize + 1)
        let result = outcome { () throws(FetchFailure) in
            try TokenResponse.parse(status: 200, retryAfter: nil, body: body)
        }
        #expect(result == .failure(.permanent("response has 1048577 bytes, above the limit of 1048576")))
    }

    @Test("bytes that are not UTF-8 are a bare token, later refused by the header check")
    func invalidUTF8() {
        let body: [UInt8] = [0x7B, 0xF8, 0x80, 0x80, 0x80, 0x3A, 0x31, 0x7D]
        let result = outcome { () throws(FetchFailure) in
            try TokenResponse.parse(status: 200, retryAfter: nil, body: body)
        }
        #expect(result == .failure(.permanent("response looks like a JSON object but does not parse")))
    }
}
