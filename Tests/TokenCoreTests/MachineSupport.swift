import Testing

@testable import TokenCore

typealias Machine = CredentialStateMachine<SplitMix64>
typealias SteadyMachine = CredentialStateMachine<NoJitter>

/// The instant the tests' credentials start at.
let t0 = Instant.at(1_000)

extension RefreshPolicy {
    /// Transient backoff of 10 s, 20 s, 30 s, 30 s... with `NoJitter` (equal jitter draws half the
    /// cap), so failure tests read in round numbers.
    static let readable = RefreshPolicy(
        transientBackoff: Backoff(base: .seconds(20), cap: .seconds(60), jitter: .equal))
}

extension CredentialStateMachine {
    /// Starts a fetch at `now` (as a changed source would) and lets it succeed at once,
    /// returning the actions of the success.
    mutating func fetch(_ material: TokenMaterial, at now: Instant) -> [CredentialAction] {
        let started = sourceChanged(now: now)
        #expect(started == [.startFetch], "a fetch should start at \(now)")
        return fetchSucceeded(material, now: now, wallNow: wallNow)
    }
}

extension TokenRequestResult {
    /// The token handed out at once, if any.
    var token: Token? {
        if case .use(let token) = answer { token } else { nil }
    }
}

extension [CredentialAction] {
    var startFetchCount: Int { count { $0 == .startFetch } }

    /// The token of the first `.resume` action.
    var resumedToken: Token? {
        for action in self {
            if case .resume(_, let token) = action { return token }
        }
        return nil
    }
}
