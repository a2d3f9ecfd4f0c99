import Config
import Testing

@Suite struct SyntaxErrorTests {
    static let unquotedKey =
        "unquoted keys may use only ASCII letters, digits, '_' and '$' and must not start with a digit; quote this key"

    /// Broken files and the single error each gets.
    @Test(arguments: [
        ("{\n  a: 1,\n  logLevel: \"info\" b: 2\n}", "line 3, column 20: expected ',' or '}' after value"),
        ("{ listen: [\"127.0.0.1:1\" \"x\"] }", "line 1, column 26: expected ',' or ']' after value"),
        ("{ logLevel \"info\" }", "line 1, column 12: expected ':' after key"),
        ("{ logLevel: }", "line 1, column 13: expected a value"),
        ("{ logLevel: info }", "line 1, column 13: expected a value (strings need quotes)"),
        ("{ logLevel: \"info }", "line 1, column 13: unterminated string"),
        (
            "{ logLevel: \"in\nfo\" }",
            "line 1, column 16: line break in string; write \\n, or end the line with \\ to continue"
        ),
        ("{ logLevel: \"in\tfo\" }", "line 1, column 16: control character in string; write a tab as \\t"),
        (
            "{ logLevel: \"\\q\" }",
            "line 1, column 14: invalid escape in string; use \\\" \\' \\\\ \\/ \\b \\f \\n \\r \\t \\xHH or \\uHHHH"
        ),
        ("{ logLevel: \"\\u00\" }", "line 1, column 14: expected 4 hexadecimal digits in escape"),
        ("{ logLevel: \"\\uD800\" }", "line 1, column 14: unpaired surrogate in \\u escape"),
        ("{ logLevel: \"\\u0000\" }", "line 1, column 14: NUL is not allowed in strings"),
        ("{ a: 1 } /* open", "line 1, column 10: unterminated comment"),
        ("{ a: 1 } / x", "line 1, column 10: a comment starts with // or /*"),
        ("", "line 1, column 1: the file is empty; expected an object"),
        ("  // only a comment\n", "line 2, column 1: the file is empty; expected an object"),
        ("{ a: 1 } }", "line 1, column 10: unexpected text after the end of the document"),
        ("{ a: 1", "line 1, column 7: unexpected end of file; expected ',' or '}' after value"),
        ("{ a: [1, 2", "line 1, column 11: unexpected end of file; expected ',' or ']' after value"),
        ("{ a: [1,,2] }", "line 1, column 9: expected a value"),
        ("{ ,a: 1 }", "line 1, column 3: expected a key or '}'"),
        (
            "{ 1a: 1 }",
            "line 1, column 3: " + SyntaxErrorTests.unquotedKey
        ),
        (
            "{ café: 1 }",
            "line 1, column 6: " + SyntaxErrorTests.unquotedKey
        ),
        ("{ a: 01 }", "line 1, column 6: leading zeros are not allowed in numbers"),
        ("{ a: 1e+ }", "line 1, column 6: invalid number: the exponent has no digits"),
        ("{ a: [1e-] }", "line 1, column 7: invalid number: the exponent has no digits"),
        ("{ a: 1e400 }", "line 1, column 6: number out of range"),
        ("{ a: 1e-400 }", "line 1, column 6: number out of range"),
        ("{ a: 0x }", "line 1, column 6: invalid number"),
        ("{ a: 0x12345678901234 }", "line 1, column 6: hexadecimal number longer than 13 digits"),
        ("{ a: 12abc }", "line 1, column 6: invalid number"),
        ("{ a: 1.2.3 }", "line 1, column 6: invalid number"),
        ("{ a: Infinit }", "line 1, column 6: expected a value (strings need quotes)"),
        ("{ a: -Infinit }", "line 1, column 6: invalid number"),
        ("{ a: 0e5 }", "line 1, column 6: invalid number"),
        ("{\r\n  a: 1\r\n  b: 2 }", "line 3, column 3: expected ',' or '}' after value"),
        ("{\r  a: @ }", "line 2, column 6: expected a value"),
    ])
    func aBrokenFileGetsOneErrorWithLineAndColumn(text: String, expected: String) {
        #expect(problems(text).map(\.description) == [expected])
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let text = "{ a: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + " }"
        #expect(problems(text).map(\.description) == ["line 1, column 69: nested deeper than 64 levels"])
    }

    @Test func aVeryDeepFileDoesNotExhaustTheStack() {
        let text = String(repeating: "[", count: 100_000)
        #expect(problems(text).map(\.message) == ["nested deeper than 64 levels"])
    }

    @Test func aDuplicateKeyIsReportedWithBothPositions() {
        let text = """
            {
              logLevel: "info",
              logLevel: "debug",
            }
            """
        #expect(
            problems(text).map(\.description) == [
                "line 3, column 3: logLevel: duplicate key (first at line 2, column 3)"
            ])
    }

    @Test func duplicateKeysAreComparedAfterDecodingEscapesAndAllAreReported() {
        let text = """
            { routes: [ { path: "/a/", "p\\u0061th": "/b/", 'path': "/c/" } ],
              credentials: { x: {}, "x": {} } }
            """
        #expect(
            problems(text).map(\.description) == [
                "line 1, column 28: routes[0].path: duplicate key (first at line 1, column 15)",
                "line 1, column 48: routes[0].path: duplicate key (first at line 1, column 15)",
                "line 2, column 25: credentials.x: duplicate key (first at line 2, column 18)",
            ])
    }

    @Test func json5FeaturesAreAccepted() throws {
        let valid = """
            \u{FEFF}// a comment
            {
              /* block */ 'logLevel': "debug",
              "limits": { headerCount: 0x40, requestLine: +4096, body: 2048., headerBytes: .5e4, },
              allowedHosts: ['a.example', "b.example",],
              $unused_$: null,
            }
            """
        #expect(problems(valid).map(\.description) == ["line 6, column 3: $unused_$: unknown key"])
        let configuration = try #require(parsed(valid.replacing("  $unused_$: null,\n", with: ""))?.configuration)
        #expect(configuration.logLevel == .debug)
        #expect(configuration.limits == Limits(requestLine: 4096, headerBytes: 5000, headerCount: 64, body: 2048))
        #expect(configuration.allowedHosts == ["a.example", "b.example"])
    }

    @Test func aLineContinuationPassesTheScanAndJSONDecoderKeepsItsLineBreak() {
        #expect(
            pathsAndMessages("{ logLevel: 'in\\\nfo' }") == [
                #"logLevel: unknown level "in\u000Afo"; did you mean "info"? "#
                    + "(expected one of debug, info, warning, error)"
            ])
    }

    @Test func aStringWithEscapesDecodesAsWritten() throws {
        let escaped = configuration(route: #", headers: { 'x-\u0061': "v\x41\/", "x-b": 'a\'b"c' }"#)
        let route = try #require(onlyRoute(escaped))
        #expect(route.headers == [HeaderField(name: "x-a", value: "vA/"), HeaderField(name: "x-b", value: "a'b\"c")])
    }
}
