/// The time claims of a JWT (RFC 7519 §4.1.4 `exp`, §4.1.6 `iat`), read without verifying the
/// signature: bearerd is not the audience, it only wants to know when to fetch a new token.
package struct JWTClaims: Sendable, Equatable {
    package var expiresAt: WallTime?
    package var issuedAt: WallTime?

    package init(expiresAt: WallTime? = nil, issuedAt: WallTime? = nil) {
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
    }

    /// The claims of `token` when it is a JWS in compact serialization (RFC 7515 §7.1): three
    /// base64url segments, the first a JSON object (the header), the second a JSON object (the
    /// claims). Anything else, including a JWE (five segments), is an opaque token: nil.
    ///
    /// A claim that is not a number, or beyond `Duration.maximumInputSeconds`, is treated as
    /// absent rather than failing the token: the upstream, not bearerd, decides whether it is good.
    package static func decode(_ token: Secret) -> JWTClaims? {
        token.withRevealedBytes { bytes -> JWTClaims? in
            let segments = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard segments.count == 3,
                let header = Base64URL.decode(segments[0]), case .object = JSONValue.parse(header),
                let payload = Base64URL.decode(segments[1]), case .object(let claims) = JSONValue.parse(payload)
            else { return nil }
            return JWTClaims(expiresAt: numericDate(claims["exp"]), issuedAt: numericDate(claims["iat"]))
        }
    }

    /// RFC 7519 §2 `NumericDate`: seconds since the epoch, possibly non-integer.
    private static func numericDate(_ value: JSONValue?) -> WallTime? {
        guard case .number(let seconds) = value else { return nil }
        return WallTime(inputSeconds: seconds)
    }
}
