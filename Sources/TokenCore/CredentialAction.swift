/// A request waiting for a token, named by the shell. Opaque to the state machine.
package struct WaiterID: Hashable, Sendable, CustomStringConvertible {
    package var rawValue: UInt64

    package init(_ rawValue: UInt64) {
        self.rawValue = rawValue
    }

    package var description: String { "waiter \(rawValue)" }
}

/// What the shell does after an event, in the order given.
package enum CredentialAction: Sendable, Equatable {
    /// Start fetching a token from the source, and report exactly one of `fetchSucceeded` and
    /// `fetchFailed` (a timeout after `RefreshPolicy.fetchTimeout` included). The machine never
    /// asks for a second fetch while one is in flight.
    case startFetch
    /// Deliver `wakeUpArrived` at this instant. Replaces any wake-up asked for earlier: the shell
    /// needs one timer per credential. Early, late and extra wake-ups are harmless.
    case scheduleWakeUp(at: Instant)
    /// Inject `token` into these waiting requests and send them on.
    case resume(waiters: [WaiterID], token: Token)
    /// Answer these waiting requests "unavailable, retry after `retryAfter`": no usable token is
    /// left and the fetch they waited for failed.
    case fail(waiters: [WaiterID], retryAfter: Duration, failure: FetchFailure)
    /// Log a failed fetch, once per failure (see `FailureReport.message`).
    case reportFailure(FailureReport)
    /// Log that a fetch succeeded after failures.
    case reportRecovery(RecoveryReport)
}

/// The answer to a request that needs a token now.
package enum TokenAnswer: Sendable, Equatable {
    /// Inject this token now.
    case use(Token)
    /// Hold the request: a later `.resume` or `.fail` action names its waiter.
    case wait
    /// Answer the request now: no usable token, and the next fetch is `retryAfter` away.
    case unavailable(retryAfter: Duration, failure: FetchFailure)
}

/// The answer to a request, and what else the shell must do (start a refresh, arm a timer).
package struct TokenRequestResult: Sendable, Equatable {
    package var answer: TokenAnswer
    package var actions: [CredentialAction]

    package init(_ answer: TokenAnswer, actions: [CredentialAction] = []) {
        self.answer = answer
        self.actions = actions
    }
}
