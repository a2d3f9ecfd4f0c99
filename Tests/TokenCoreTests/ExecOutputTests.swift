import Testing

@testable import TokenCore

@Suite struct ExecOutputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var output: String
        var expected: Result<TokenMaterial, FetchFailure>
        var testDescription: String { name }
    }

    static let anHourLater = WallTime(secondsSinceEpoch: 1_700_003_600)

    static let cases: [Case] = [
        Case(name: "a bare token line", output: "abc.def\n", expected: material("abc.def")),
        Case(name: "whitespace around the line", output: "  abc \r\n", expected: material("abc")),
        Case(name: "nothing", output: "\n", expected: .failure(.permanent("output is empty"))),
        Case(
            name: "several lines",
            output: "warning: cache stale\nCANARY\n",
            expected: .failure(.permanent("output has several lines; expected one line with the token, or JSON"))
        ),
        Case(
            name: "JSON with expiresAt",
            output: #"{"token":"abc","expiresAt":"2023-11-14T23:13:20Z"}"#,
            expected: material("abc", expiresAt: anHourLater)
        ),
        Case(
            name: "JSON with expiresIn",
            output: #"{"token":"abc","expiresIn":300}"#,
            expected: material("abc", expiresIn: .seconds(300))
        ),
        Case(
            name: "pretty-printed JSON with expiresIn as a string",
            output: "{\n  \"token\": \"abc\",\n  \"expiresAt\": null,\n  \"expiresIn\": \"300\"\n}\n",
            expected: material("abc", expiresIn: .seconds(300))
        ),
        Case(
            name: "Kubernetes ExecCredential",
            output: #"""
                {"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",
                 "status":{"token":"abc","expirationTimestamp":"2023-11-14T23:13:20Z"}}
                """#,
            expected: material("abc", expiresAt: anHourLater)
        ),
        Case(
            name: "ExecCredential without expiry",
            output: #"{"apiVersion":"v1beta1","kind":"ExecCredential","status":{"token":"abc"}}"#,
            expected: material("abc")
        ),
        Case(
            name: "ExecCredential with a client certificate only",
            output: #"{"kind":"ExecCredential","status":{"clientCertificateData":"CANARY","clientKeyData":"CANARY"}}"#,
            expected: .failure(
                .permanent("ExecCredential has no status.token (client certificates cannot be injected)"))
        ),
        Case(
            name: "ExecCredential with a bad timestamp",
            output: #"{"kind":"ExecCredential","status":{"token":"CANARY","expirationTimestamp":"tomorrow"}}"#,
            expected: .failure(.permanent(#"output field "status.expirationTimestamp" is not an RFC 3339 timestamp"#))
        ),
        Case(
            name: "JSON without token",
            output: #"{"access":"CANARY"}"#,
            expected: .failure(.permanent(#"output is a JSON object without a "token" field"#))
        ),
        Case(
            name: "token is not a string",
            output: #"{"token":["CANARY"]}"#,
            expected: .failure(.permanent(#"output field "token" is an array, not a string"#))
        ),
        Case(
            name: "expiresAt is not RFC 3339",
            output: #"{"token":"CANARY","expiresAt":1700003600}"#,
            expected: .failure(.permanent(#"output field "expiresAt" is not an RFC 3339 timestamp"#))
        ),
        Case(
            name: "broken JSON",
            output: #"{"token":"CANARY""#,
            expected: .failure(.permanent("output looks like a JSON object but does not parse"))
        ),
    ]

    @Test("reads a credential command's output", arguments: cases)
    func parses(_ testCase: Case) {
        let result = outcome { () throws(FetchFailure) in try ExecOutput.parse(Array(testCase.output.utf8)) }
        #expect(result == testCase.expected)
        if case .failure(let failure) = result {
            #expect(!failure.summary.contains("CANARY"))
        }
    }
}
