extension FetchFailure {
    /// OAuth2 error codes (RFC 6749 §5.2) that no retry fixes: the client, grant or scope is
    /// wrong, or the issuer does not support the request. Permanent whatever the status.
    package static let permanentOAuth2Errors: Set<String> = [
        "invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type",
        "invalid_scope",
    ]

    /// OAuth2 error codes that say "later" (RFC 6749 §4.1.2.1, RFC 8628 §3.5): transient even
    /// when the status alone would be permanent.
    package static let transientOAuth2Errors: Set<String> = ["temporarily_unavailable", "server_error", "slow_down"]

    /// The failure for an issuer's answer that brought no token, classified by its status and,
    /// when the body is a JSON object with an OAuth2 `error`, by that code. Reads like
    /// `issuer answered 400 invalid_client: Client authentication failed`; the `error` and
    /// `error_description` are not secrets (RFC 6749 §5.2), the rest of the body is never shown.
    package static func issuerAnswered(status: Int, retryAfter: String?, body: some Collection<UInt8>) -> FetchFailure {
        var summary = "issuer answered \(status)"
        var kind: Kind
        switch IssuerStatus.classify(status, retryAfter: retryAfter) {
        case .transient(let delay): kind = .transient(retryAfter: delay)
        case .permanent, .success: kind = .permanent
        }
        if body.count <= TokenResponse.maximumSize, case .object(let members) = JSONValue.parse(body),
            case .string(let code) = members["error"]
        {
            summary += " " + issuerText(code)
            if case .string(let detail) = members["error_description"], !detail.isEmpty {
                summary += ": " + issuerText(detail)
            }
            if permanentOAuth2Errors.contains(code) {
                kind = .permanent
            } else if transientOAuth2Errors.contains(code), kind == .permanent {
                kind = .transient(retryAfter: retryAfter.flatMap(RetryAfter.parse))
            }
        }
        return FetchFailure(kind: kind, summary: summary)
    }
}
