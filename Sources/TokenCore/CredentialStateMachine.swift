/// The life of one credential's tokens, without I/O: when to fetch, whom to give which token,
/// whom to turn away, and what a 401 invalidates.
///
/// Each event is a `mutating func` named after what happened; it takes the monotonic `now` (and
/// the wall time where a token arrives) and returns the actions for the shell to perform, in
/// order. The machine keeps these promises:
/// - Single flight: at most one fetch is in flight; requests that find no usable token wait for
///   it, however many they are, and are all released by its outcome.
/// - No two fetches start less than `RefreshPolicy.minimumFetchInterval` apart.
/// - A token is handed out only while usable at `now` (`Token.isUsable`), so after a suspend
///   an expired token is never injected: the request waits for a fresh one instead.
/// - A usable token keeps being served while refreshes fail; requests are turned away
///   (`.unavailable`) only when none is left and the next attempt is still in the future.
/// - A 401 on the current generation invalidates it once, however many requests report it.
///
/// A static credential is the same machine fed by a source that always succeeds at once with no
/// expiry. Jitter comes from `Random`: the shell passes `SystemRandomNumberGenerator`, tests a
/// seeded generator, so every instant the machine computes can be asserted exactly.
package struct CredentialStateMachine<Random: RandomNumberGenerator> {
    package let policy: RefreshPolicy
    var random: Random

    /// The newest token, usable or not.
    var token: Token?
    /// The newest token drew a 401 and is not handed out again.
    var tokenRejected = false
    /// Invalidations in a row whose replacement token was rejected too; see `rejectionCooldown`.
    var rejectionStreak = 0
    var lastInvalidationAt: Instant?
    /// The fetch in flight was started by a 401; a token it brings continues the streak.
    var fetchingAfterRejection = false
    /// The secrets of the latest generations, oldest first, to tell whether a token fetched after
    /// a 401 differs from the one rejected, without the shell keeping the rejected secret.
    var recentSecrets: [(generation: UInt64, secret: Secret)] = []
    var fetchInFlight = false
    /// The source changed while a fetch was in flight: what it fetched may be stale.
    var sourceChangedDuringFetch = false
    /// When the next fetch starts: the refresh moment, the retry after a failure, or the end of
    /// the fetch interval. Nil: none planned.
    var nextFetchAt: Instant?
    var lastFetchStartedAt: Instant?
    var waiters: [WaiterID] = []

    /// Fetches started.
    package internal(set) var fetchCount = 0
    /// Fetches that failed, tokens rejected on arrival included.
    package internal(set) var failedFetchCount = 0
    /// Failures since the last success.
    package internal(set) var consecutiveFailures = 0
    /// The instant of the first of the consecutive failures; nil after a success.
    package internal(set) var failingSince: Instant?
    /// The latest failure, kept after a success for status lines.
    package internal(set) var lastFailure: FetchFailure?
    /// Whether a fetch has finished, successfully or not: the credential is ready to be reported.
    package internal(set) var hasAttemptedFetch = false

    /// How many generations' secrets `recentSecrets` keeps. A 401 for an older generation is
    /// replayed whenever the current generation differs.
    static var rememberedGenerations: Int { 8 }

    package init(policy: RefreshPolicy = RefreshPolicy(), random: Random) {
        self.policy = policy
        self.random = random
    }

    /// The token to hand out at `now`, if any.
    func usableToken(at now: Instant) -> Token? {
        guard let token, !tokenRejected, token.isUsable(at: now) else { return nil }
        return token
    }

    func validity(at now: Instant) -> TokenValidity {
        guard let token = usableToken(at: now) else { return .none }
        return token.usableUntil.map(TokenValidity.until) ?? .indefinitely
    }

    /// The earliest a next fetch may start, by the fetch interval.
    var earliestNextFetch: Instant? {
        lastFetchStartedAt.map { $0 + policy.minimumFetchInterval }
    }

    mutating func startFetch(now: Instant, into actions: inout [CredentialAction]) {
        fetchInFlight = true
        sourceChangedDuringFetch = false
        nextFetchAt = nil
        lastFetchStartedAt = now
        fetchCount += 1
        actions.append(.startFetch)
    }

    /// Plans the next fetch for `moment`, or the end of the fetch interval if later, and
    /// returns the planned instant.
    @discardableResult
    mutating func planFetch(at moment: Instant, into actions: inout [CredentialAction]) -> Instant {
        let moment = max(moment, earliestNextFetch ?? moment)
        nextFetchAt = moment
        actions.append(.scheduleWakeUp(at: moment))
        return moment
    }

    /// Fetches as soon as the fetch interval allows: now, or by planning a wake-up unless an
    /// earlier one is planned already. Nothing while a fetch is in flight.
    mutating func fetchSoon(now: Instant, into actions: inout [CredentialAction]) {
        guard !fetchInFlight else { return }
        guard let earliest = earliestNextFetch, earliest > now else {
            startFetch(now: now, into: &actions)
            return
        }
        if nextFetchAt.map({ $0 > earliest }) ?? true {
            planFetch(at: earliest, into: &actions)
        }
    }
}

extension CredentialStateMachine: Sendable where Random: Sendable {}
