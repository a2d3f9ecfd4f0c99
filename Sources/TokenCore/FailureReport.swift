/// Whether a credential has a token to inject, and until when.
package enum TokenValidity: Sendable, Equatable {
    case none
    case until(Instant)
    case indefinitely
}

/// The facts about one failed fetch, for one log line.
package struct FailureReport: Sendable, Equatable {
    package var failure: FetchFailure
    /// This failure included.
    package var consecutiveFailures: Int
    package var failingSince: Instant
    /// What is served meanwhile.
    package var serving: TokenValidity
    /// When the next fetch starts.
    package var retryAt: Instant

    package init(
        failure: FetchFailure,
        consecutiveFailures: Int,
        failingSince: Instant,
        serving: TokenValidity,
        retryAt: Instant
    ) {
        self.failure = failure
        self.consecutiveFailures = consecutiveFailures
        self.failingSince = failingSince
        self.serving = serving
        self.retryAt = retryAt
    }

    /// The log line, e.g. `credential "k8s": refresh failed (issuer answered 500), serving current
    /// token for 4m12s, retry in 8s`. `now` is the instant of the event that returned the report.
    package func message(credential: String, now: Instant) -> String {
        let retry = "retry in \((retryAt - now).compactDescription)"
        let subject = "credential \"\(credential)\""
        switch serving {
        case .none:
            return "\(subject): token fetch failed (\(failure.summary)), no valid token, \(retry)"
        case .until(let end):
            let remaining = (end - now).compactDescription
            return "\(subject): refresh failed (\(failure.summary)), serving current token for \(remaining), \(retry)"
        case .indefinitely:
            return "\(subject): refresh failed (\(failure.summary)), serving current token, \(retry)"
        }
    }
}

/// The facts about a fetch that succeeded after failures.
package struct RecoveryReport: Sendable, Equatable {
    package var failures: Int
    package var failingSince: Instant

    package init(failures: Int, failingSince: Instant) {
        self.failures = failures
        self.failingSince = failingSince
    }

    /// The log line, e.g. `credential "k8s": token fetched after 3 failed attempts over 1m4s`.
    package func message(credential: String, now: Instant) -> String {
        let attempts = failures == 1 ? "1 failed attempt" : "\(failures) failed attempts"
        let span = (now - failingSince).compactDescription
        return "credential \"\(credential)\": token fetched after \(attempts) over \(span)"
    }
}
