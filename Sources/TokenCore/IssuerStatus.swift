/// What an issuer's HTTP status says about a token fetch.
package enum IssuerStatus: Sendable, Equatable {
    case success
    case transient(retryAfter: Duration?)
    case permanent

    /// 2xx: success. 408, 425, 429 and 5xx: transient, with the `Retry-After` delay if any.
    /// Everything else is permanent: 400, 401 and 403 say the client or its request is wrong,
    /// other 4xx and 3xx say the endpoint is misconfigured (curl follows no redirect to an
    /// issuer); waiting does not fix either.
    package static func classify(_ status: Int, retryAfter: String?) -> IssuerStatus {
        switch status {
        case 200...299:
            .success
        case 408, 425, 429, 500...599:
            .transient(retryAfter: retryAfter.flatMap(RetryAfter.parse))
        default:
            .permanent
        }
    }
}

/// The `Retry-After` header (RFC 9110 §10.2.3): `HTTP-date / delay-seconds`.
package enum RetryAfter {
    /// The largest delay read; the state machine caps it lower (`RefreshPolicy.maximumRetryAfter`).
    package static let maximum: Duration = .seconds(86_400)

    /// `delay-seconds = 1*DIGIT`, surrounding whitespace allowed; values above `maximum` become
    /// `maximum`. An HTTP-date, or anything else, gives nil: the backoff alone then decides.
    /// Dates are not read because turning one into a delay needs the wall clock at the response,
    /// and issuers that send `Retry-After` on token endpoints send seconds.
    package static func parse(_ value: String) -> Duration? {
        let digits = Array(value.utf8).trimmingASCIIWhitespace
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        var seconds: Int64 = 0
        for digit in digits {
            seconds = min(seconds * 10 + Int64(digit - UInt8(ascii: "0")), 86_400)
        }
        return min(.seconds(seconds), maximum)
    }
}
