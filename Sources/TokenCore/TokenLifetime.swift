/// How long a token lives, counted from the instant it arrived, and which rule said so.
package enum TokenLifetime: Sendable, Equatable {
    /// No rule gave an expiry (a static token, a file without ttl): the token is never refreshed
    /// on a timer and never expires.
    case unlimited
    case limited(Duration, basis: Basis)

    /// The rule a limited lifetime came from, for status lines.
    package enum Basis: String, Sendable, Equatable {
        case jwtIssuedAt = "JWT exp-iat"
        case jwtExpiry = "JWT exp"
        case expiresIn = "expires_in"
        case expiresAt = "expires_at"
        case ttl = "ttl"
    }

    /// A token that lives less than this when it arrives is a failed fetch, not a token: it would
    /// expire before the request it is injected into reaches the upstream.
    package static let minimum: Duration = .seconds(1)

    /// Longer lifetimes are cut to this (ten years) so that instants computed from them cannot
    /// overflow; the token is then refreshed after eight years, which is as good as never.
    package static let maximum: Duration = .seconds(10 * 365 * 86_400)

    /// The lifetime of `material` arriving when the wall clock says `wallNow`. The first rule
    /// that applies decides:
    ///
    /// 1. A JWT `exp` claim. With `iat` too, the lifetime is `exp - iat`, counted from the local
    ///    arrival: both come from the issuer's clock, so a skewed issuer clock cancels out. Without
    ///    `iat`, the remaining time is `exp - wallNow`, trusting the local wall clock.
    /// 2. The source's `expiresIn` (seconds from now), else its `expiresAt` minus `wallNow`.
    /// 3. The configured `ttl`.
    /// 4. None: `.unlimited`.
    ///
    /// Throws a transient failure when the token has already expired, or lives less than
    /// `minimum`: a fresh fetch may well bring a better one.
    package static func of(
        _ material: TokenMaterial,
        ttl: Duration?,
        wallNow: WallTime
    ) throws(FetchFailure) -> TokenLifetime {
        let lifetime: Duration
        let basis: Basis
        if let claims = JWTClaims.decode(material.secret), let expiresAt = claims.expiresAt {
            if let issuedAt = claims.issuedAt {
                (lifetime, basis) = (expiresAt - issuedAt, .jwtIssuedAt)
            } else {
                (lifetime, basis) = (expiresAt - wallNow, .jwtExpiry)
            }
        } else if let expiresIn = material.expiresIn {
            (lifetime, basis) = (expiresIn, .expiresIn)
        } else if let expiresAt = material.expiresAt {
            (lifetime, basis) = (expiresAt - wallNow, .expiresAt)
        } else if let ttl {
            (lifetime, basis) = (ttl, .ttl)
        } else {
            return .unlimited
        }
        guard lifetime > .zero else {
            let ago = (.zero - lifetime).compactDescription
            throw .transient("token had already expired on arrival (by \(basis.rawValue), \(ago) ago)")
        }
        guard lifetime >= minimum else {
            throw .transient(
                "token lifetime \(lifetime.compactDescription) (\(basis.rawValue)) is below the "
                    + "\(minimum.compactDescription) minimum"
            )
        }
        return .limited(min(lifetime, maximum), basis: basis)
    }

    /// The duration, or nil when unlimited.
    package var duration: Duration? {
        if case .limited(let duration, _) = self { duration } else { nil }
    }
}
