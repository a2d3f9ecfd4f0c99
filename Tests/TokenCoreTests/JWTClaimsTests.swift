import Testing

@testable import TokenCore

@Suite struct JWTClaimsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var token: Secret
        var claims: JWTClaims?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "exp and iat",
            token: jwt(issuedAt: 1_700_000_000, expiresAt: 1_700_003_600),
            claims: JWTClaims(
                expiresAt: WallTime(secondsSinceEpoch: 1_700_003_600),
                issuedAt: WallTime(secondsSinceEpoch: 1_700_000_000)
            )
        ),
        Case(
            name: "exp only",
            token: jwt(issuedAt: nil, expiresAt: 1_700_003_600),
            claims: JWTClaims(expiresAt: WallTime(secondsSinceEpoch: 1_700_003_600))
        ),
        Case(
            name: "fractional NumericDate",
            token: jwt(#"{"exp":1700003600.25}"#),
            claims: JWTClaims(expiresAt: WallTime(sinceEpoch: .seconds(1_700_003_600) + .milliseconds(250)))
        ),
        Case(name: "no time claims", token: jwt(#"{"sub":"agent"}"#), claims: JWTClaims()),
        Case(name: "exp as a string is ignored", token: jwt(#"{"exp":"1700003600"}"#), claims: JWTClaims()),
        Case(name: "exp beyond any sane date is ignored", token: jwt(#"{"exp":1e300}"#), claims: JWTClaims()),
        Case(name: "opaque token", token: Secret("s3cr3t-opaque-token"), claims: nil),
        Case(name: "two segments", token: Secret("eyJhbGciOiJub25lIn0.eyJleHAiOjF9"), claims: nil),
        Case(name: "JWE with five segments", token: Secret("eyJhbGciOiJub25lIn0.a.b.c.d"), claims: nil),
        Case(name: "header is not JSON", token: Secret("bm90IGpzb24.eyJleHAiOjF9.c2ln"), claims: nil),
        Case(name: "payload is a JSON array", token: Secret("eyJhbGciOiJub25lIn0.WzFd.c2ln"), claims: nil),
        Case(name: "payload is not base64url", token: Secret("eyJhbGciOiJub25lIn0.ey!!.c2ln"), claims: nil),
        Case(name: "payload is invalid UTF-8", token: Secret("eyJhbGciOiJub25lIn0.ey_4.c2ln"), claims: nil),
    ]

    @Test("reads exp and iat from JWTs and treats anything else as opaque", arguments: cases)
    func decodesClaims(_ testCase: Case) {
        #expect(JWTClaims.decode(testCase.token) == testCase.claims)
    }
}

@Suite struct Base64URLTests {
    @Test("decodes every length an encoding produces, with or without padding")
    func decodesLengths() {
        for text in ["", "f", "fo", "foo", "foob", "fooba", "foobar", "\u{FF}\u{FE}>?"] {
            let bytes = Array(text.utf8)
            let encoded = base64URL(bytes)
            #expect(Base64URL.decode(Array(encoded.utf8)) == bytes)
            let padded = encoded + String(repeating: "=", count: (4 - encoded.count % 4) % 4)
            #expect(Base64URL.decode(Array(padded.utf8)) == bytes)
        }
    }

    @Test("uses - and _ and refuses + and /")
    func usesURLAlphabet() {
        #expect(Base64URL.decode(Array("-_8".utf8)) == [0xFB, 0xFF])
        #expect(Base64URL.decode(Array("+/8".utf8)) == nil)
    }

    @Test("refuses impossible lengths, inner padding and leftover bits")
    func refusesMalformed() {
        #expect(Base64URL.decode(Array("a".utf8)) == nil)
        #expect(Base64URL.decode(Array("ab=c".utf8)) == nil)
        #expect(Base64URL.decode(Array("ab===".utf8)) == nil)
        #expect(Base64URL.decode(Array("Zm9=".utf8)) == nil)
        #expect(Base64URL.decode(Array("Zh".utf8)) == nil)
    }
}
