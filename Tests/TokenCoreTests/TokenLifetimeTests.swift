import Testing

@testable import TokenCore

@Suite struct TokenLifetimeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var material: TokenMaterial
        var ttl: Duration?
        var lifetime: TokenLifetime
        var testDescription: String { name }
    }

    static let now: Int64 = 1_700_000_000

    static let cases: [Case] = [
        Case(
            name: "JWT iat and exp: exp - iat",
            material: TokenMaterial(secret: jwt(issuedAt: now, expiresAt: now + 3600)),
            lifetime: .limited(.seconds(3600), basis: .jwtIssuedAt)
        ),
        Case(
            name: "JWT from an issuer clock an hour behind: exp - iat all the same",
            material: TokenMaterial(secret: jwt(issuedAt: now - 3600, expiresAt: now)),
            lifetime: .limited(.seconds(3600), basis: .jwtIssuedAt)
        ),
        Case(
            name: "JWT from an issuer clock an hour ahead: exp - iat all the same",
            material: TokenMaterial(secret: jwt(issuedAt: now + 3600, expiresAt: now + 7200)),
            lifetime: .limited(.seconds(3600), basis: .jwtIssuedAt)
        ),
        Case(
            name: "JWT exp without iat: exp - wallNow",
            material: TokenMaterial(secret: jwt(issuedAt: nil, expiresAt: now + 900)),
            lifetime: .limited(.seconds(900), basis: .jwtExpiry)
        ),
        Case(
            name: "JWT claims win over expires_in and ttl",
            material: TokenMaterial(secret: jwt(issuedAt: now, expiresAt: now + 600), expiresIn: .seconds(3600)),
            ttl: .seconds(60),
            lifetime: .limited(.seconds(600), basis: .jwtIssuedAt)
        ),
        Case(
            name: "JWT without exp falls back to expires_in",
            material: TokenMaterial(secret: jwt(#"{"iat":1700000000}"#), expiresIn: .seconds(300)),
            lifetime: .limited(.seconds(300), basis: .expiresIn)
        ),
        Case(
            name: "expires_in wins over expiresAt",
            material: TokenMaterial(
                secret: Secret("opaque"),
                expiresIn: .seconds(300),
                expiresAt: WallTime(secondsSinceEpoch: now + 60)
            ),
            lifetime: .limited(.seconds(300), basis: .expiresIn)
        ),
        Case(
            name: "expiresAt: expiresAt - wallNow",
            material: TokenMaterial(secret: Secret("opaque"), expiresAt: WallTime(secondsSinceEpoch: now + 1200)),
            lifetime: .limited(.seconds(1200), basis: .expiresAt)
        ),
        Case(
            name: "ttl when the token says nothing",
            material: .opaque("opaque"),
            ttl: .seconds(120),
            lifetime: .limited(.seconds(120), basis: .ttl)
        ),
        Case(name: "unlimited when nothing applies", material: .opaque("opaque"), lifetime: .unlimited),
        Case(
            name: "a century-long JWT is cut to ten years",
            material: TokenMaterial(secret: jwt(issuedAt: now, expiresAt: now + 100 * 365 * 86_400)),
            lifetime: .limited(TokenLifetime.maximum, basis: .jwtIssuedAt)
        ),
        Case(
            name: "exactly the minimum is accepted",
            material: .opaque("opaque", expiresIn: 1),
            lifetime: .limited(.seconds(1), basis: .expiresIn)
        ),
    ]

    @Test("takes the lifetime from the first rule that applies", arguments: cases)
    func lifetime(_ testCase: Case) throws {
        let lifetime = try TokenLifetime.of(testCase.material, ttl: testCase.ttl, wallNow: wallNow)
        #expect(lifetime == testCase.lifetime)
    }

    @Test("a JWT that expired before it arrived is a transient failure")
    func expiredOnArrival() {
        let material = TokenMaterial(secret: jwt(issuedAt: nil, expiresAt: Self.now - 180))
        #expect(throws: FetchFailure.transient("token had already expired on arrival (by JWT exp, 3m0s ago)")) {
            try TokenLifetime.of(material, ttl: nil, wallNow: wallNow)
        }
    }

    @Test("a token living less than a second is a transient failure")
    func tooShort() {
        let material = TokenMaterial(secret: Secret("opaque"), expiresIn: .milliseconds(400))
        #expect(throws: FetchFailure.transient("token lifetime 400ms (expires_in) is below the 1s minimum")) {
            try TokenLifetime.of(material, ttl: nil, wallNow: wallNow)
        }
    }

    @Test("an exp earlier than iat is a transient failure")
    func expBeforeIat() {
        let material = TokenMaterial(secret: jwt(issuedAt: Self.now, expiresAt: Self.now - 5))
        #expect(throws: FetchFailure.transient("token had already expired on arrival (by JWT exp-iat, 5s ago)")) {
            try TokenLifetime.of(material, ttl: nil, wallNow: wallNow)
        }
    }
}
