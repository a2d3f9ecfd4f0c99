extension TokenResponse {
    /// The fields of an OAuth2 access token response (RFC 6749 §5.1).
    package static let oauth2Fields = Fields(token: ["access_token"], scheme: ["token_type"], expiresIn: ["expires_in"])

    /// The token in an OAuth2 token endpoint's answer (RFC 6749 §5.1 success, §5.2 error).
    ///
    /// Success is a JSON object with `access_token`; `token_type` defaults to Bearer although
    /// §5.1 requires it, since some issuers omit it; `expires_in` is optional (a number, or a
    /// string of digits as some issuers send it). Errors are classified by
    /// `FetchFailure.issuerAnswered`: `invalid_client`, `invalid_grant`, `unauthorized_client`,
    /// `invalid_scope` and the other §5.2 codes are permanent.
    package static func parseOAuth2(
        status: Int,
        retryAfter: String?,
        body: some Collection<UInt8>
    ) throws(FetchFailure) -> TokenMaterial {
        let bytes = try checkedBody(status: status, retryAfter: retryAfter, body: body)
        guard let json = JSONValue.parse(bytes), case .object = json else {
            throw .permanent("response is not a JSON object")
        }
        return try material(in: json, fields: oauth2Fields, status: status, body: bytes)
    }
}
