/// A credential's state at one instant, for `STATUS=` lines, the status endpoint and metrics.
package struct CredentialStatus: Sendable, Equatable {
    package var validity: TokenValidity
    /// The newest token's generation; nil before the first.
    package var generation: UInt64?
    package var nextFetchAt: Instant?
    package var fetchInFlight: Bool
    package var waiting: Int
    package var fetchCount: Int
    package var failedFetchCount: Int
    package var consecutiveFailures: Int
    package var failingSince: Instant?
    package var lastFailure: FetchFailure?
}

extension CredentialStateMachine {
    package func status(at now: Instant) -> CredentialStatus {
        CredentialStatus(
            validity: validity(at: now),
            generation: token?.generation,
            nextFetchAt: nextFetchAt,
            fetchInFlight: fetchInFlight,
            waiting: waiters.count,
            fetchCount: fetchCount,
            failedFetchCount: failedFetchCount,
            consecutiveFailures: consecutiveFailures,
            failingSince: failingSince,
            lastFailure: lastFailure
        )
    }
}
