import Testing

@testable import TokenCore

@Suite struct RedactionTests {
    static let canary = "CANARY-7f3a9c"

    @Test("a token, an action and an answer never print the secret")
    func tokensDoNotPrint() throws {
        var machine = SteadyMachine(random: NoJitter())
        _ = machine.started(now: t0)
        _ = machine.tokenNeeded(by: WaiterID(1), now: t0)
        let actions = machine.fetchSucceeded(.opaque(Self.canary, expiresIn: 60), now: t0, wallNow: wallNow)
        let token = try #require(actions.resumedToken)
        let answer = machine.tokenNeeded(by: WaiterID(2), now: t0).answer
        for text in [
            String(describing: token), String(reflecting: token), "\(actions)", String(reflecting: actions),
            "\(answer)", "\(machine.status(at: t0))",
        ] {
            #expect(!text.contains(Self.canary))
            #expect(!text.contains("CANARY"))
        }
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains(Self.canary))
        #expect(token.description.contains("<redacted>"))
    }

    @Test("issuer text is made printable and short")
    func issuerText() {
        #expect(FetchFailure.issuerText("  a\n\tb\u{202E}c  ") == "a b c")
        let long = String(repeating: "é", count: 200)
        #expect(FetchFailure.issuerText(long) == String(repeating: "é", count: 160) + "…")
        #expect(FetchFailure.issuerText("") == "")
    }
}

@Suite struct DurationDescriptionTests {
    @Test("durations print as Go does: 4m12s, 1h0m5s, 8s, 250ms")
    func compact() {
        let cases: [(Duration, String)] = [
            (.seconds(252), "4m12s"), (.seconds(3605), "1h0m5s"), (.seconds(8), "8s"), (.milliseconds(250), "250ms"),
            (.milliseconds(8_999), "8s"), (.zero, "0ms"), (.seconds(-3), "-3s"), (.seconds(86_400), "24h0m0s"),
        ]
        for (duration, text) in cases {
            #expect(duration.compactDescription == text)
        }
    }
}

@Suite struct TokenMaterialTests {
    @Test("a bare token loses surrounding whitespace only")
    func bare() {
        #expect(TokenMaterial.bare(Array(" \tab c\r\n".utf8)).secret == Secret("ab c"))
        #expect(TokenMaterial.bare(Array("\n\n".utf8)).secret.isEmpty)
    }

    @Test("only visible ASCII goes in a header, and the scheme must be an RFC 9110 token")
    func validation() throws {
        #expect(try TokenMaterial(secret: Secret("a.b-c_d~e+f/g=")).validatedScheme() == "Bearer")
        #expect(try TokenMaterial(secret: Secret("x"), scheme: "BEARER").validatedScheme() == "Bearer")
        #expect(try TokenMaterial(secret: Secret("x"), scheme: "Token").validatedScheme() == "Token")
        #expect(throws: FetchFailure.permanent("token has a byte that cannot go in a header at offset 1")) {
            try TokenMaterial(secret: Secret("a b")).validatedScheme()
        }
        #expect(throws: FetchFailure.permanent("token has a byte that cannot go in a header at offset 0")) {
            try TokenMaterial(secret: Secret(bytes: [0xC3, 0xA9])).validatedScheme()
        }
        #expect(throws: FetchFailure.permanent(#"token type "" is not a valid auth scheme"#)) {
            try TokenMaterial(secret: Secret("x"), scheme: "").validatedScheme()
        }
    }
}
