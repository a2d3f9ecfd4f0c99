/// What a source hands over: the token and whatever it said about the token's type and expiry.
///
/// The state machine turns material into a `Token` (see `TokenLifetime.of`): a JWT's own claims
/// come first, `expiresIn` and `expiresAt` next, the configured ttl last.
package struct TokenMaterial: Sendable, Equatable {
    package var secret: Secret
    /// The auth scheme the source named (`token_type`), or nil to use `Bearer`.
    package var scheme: String?
    /// Lifetime counted from arrival, as in OAuth2 `expires_in`.
    package var expiresIn: Duration?
    /// Absolute expiry on the issuer's wall clock.
    package var expiresAt: WallTime?

    package init(secret: Secret, scheme: String? = nil, expiresIn: Duration? = nil, expiresAt: WallTime? = nil) {
        self.secret = secret
        self.scheme = scheme
        self.expiresIn = expiresIn
        self.expiresAt = expiresAt
    }

    /// A token given as bare bytes (a file, a non-JSON body, an exec line): ASCII whitespace at
    /// either end, such as the final newline, is not part of it.
    package static func bare(_ bytes: some BidirectionalCollection<UInt8>) -> TokenMaterial {
        TokenMaterial(secret: Secret(bytes: bytes.trimmingASCIIWhitespace))
    }
}

extension TokenMaterial {
    /// The scheme used when the source names none.
    package static let defaultScheme = "Bearer"

    /// Checks that the token can go into an `Authorization` header and settles the scheme.
    ///
    /// The token must be 1 or more visible ASCII bytes (0x21-0x7E): RFC 6750's `b64token` is a
    /// subset, and refusing space, CR, LF and NUL means no source can split or inject a header.
    /// The scheme must be an RFC 9110 `token`; `bearer` in any case becomes `Bearer` (RFC 6749
    /// §7.1 says the type is case-insensitive, some upstreams compare it exactly).
    /// Failures are permanent: the same source will hand over the same thing again.
    package func validatedScheme() throws(FetchFailure) -> String {
        if secret.isEmpty {
            throw .permanent("token is empty")
        }
        let badOffset = secret.withRevealedBytes { bytes in bytes.firstIndex { !(0x21...0x7E).contains($0) } }
        if let badOffset {
            throw .permanent("token has a byte that cannot go in a header at offset \(badOffset)")
        }
        guard let scheme else { return Self.defaultScheme }
        guard !scheme.isEmpty, scheme.utf8.allSatisfy(\.isTokenCharacter) else {
            throw .permanent("token type \"\(FetchFailure.issuerText(scheme))\" is not a valid auth scheme")
        }
        return scheme.lowercased() == "bearer" ? Self.defaultScheme : scheme
    }
}

extension BidirectionalCollection<UInt8> {
    /// Without ASCII whitespace (space, tab, CR, LF, form feed) at either end.
    var trimmingASCIIWhitespace: SubSequence {
        guard let first = firstIndex(where: { !$0.isASCIIWhitespace }),
            let last = lastIndex(where: { !$0.isASCIIWhitespace })
        else { return self[endIndex...] }
        return self[first...last]
    }
}

extension UInt8 {
    var isASCIIWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0x0C }

    var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }

    /// RFC 9110 §5.6.2 `tchar`.
    var isTokenCharacter: Bool {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(self)
        }
    }
}
