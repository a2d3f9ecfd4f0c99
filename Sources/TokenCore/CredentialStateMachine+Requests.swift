extension CredentialStateMachine {
    /// A request needs a token to leave at `now`.
    ///
    /// - `.use(token)` when a usable token exists; if its refresh moment has passed with no
    ///   fetch started (a suspend, a late timer), a background fetch starts too.
    /// - `.unavailable(retryAfter:failure:)` when none is usable and the credential is backing
    ///   off after failures: the request is not kept.
    /// - `.wait` otherwise: `waiter` is kept until the fetch in flight (started now if need be,
    ///   or at the end of the fetch interval) ends with `.resume` or `.fail`.
    package mutating func tokenNeeded(by waiter: WaiterID, now: Instant) -> TokenRequestResult {
        var actions: [CredentialAction] = []
        if let token = usableToken(at: now) {
            if !fetchInFlight, let due = nextFetchAt, due <= now {
                startFetch(now: now, into: &actions)
            }
            return TokenRequestResult(.use(token), actions: actions)
        }
        if !fetchInFlight, consecutiveFailures > 0, let lastFailure, let retryAt = nextFetchAt, retryAt > now {
            return TokenRequestResult(.unavailable(retryAfter: retryAt - now, failure: lastFailure))
        }
        waiters.append(waiter)
        fetchSoon(now: now, into: &actions)
        return TokenRequestResult(.wait, actions: actions)
    }

    /// The upstream answered 401 to a request that carried the token of `generation`; the
    /// request, now `waiter`, wants a token to be replayed with.
    ///
    /// The first 401 for the current generation invalidates it: it is never handed out again
    /// and a fetch starts. Later 401s for it find no usable token and wait for that same fetch.
    /// A 401 for an older generation gets the newer token at once, if usable. Otherwise the
    /// answer is as for `tokenNeeded`. Replay the request only if `shouldReplay` agrees.
    ///
    /// An upstream that rejects every fresh token too (a wrong audience, a revoked client) must not
    /// make bearerd ask the issuer for a token per request: while `rejectionCooldown` runs, a 401
    /// for a token that replaced a rejected one leaves it in service (the 401 passes through).
    package mutating func upstreamRejected(
        generation: UInt64,
        by waiter: WaiterID,
        now: Instant
    ) -> TokenRequestResult {
        if let token, token.generation == generation, !tokenRejected {
            if let last = lastInvalidationAt, now < last + Self.rejectionCooldown(streak: rejectionStreak),
               token.isUsable(at: now) {
                return TokenRequestResult(.use(token))
            }
            tokenRejected = true
            lastInvalidationAt = now
            fetchingAfterRejection = true
        }
        return tokenNeeded(by: waiter, now: now)
    }

    /// How long after an invalidation the next one may come, by how many tokens in a row were
    /// rejected right after replacing a rejected one:
    ///
    /// | streak | 0 | 1   | 2   | 3   | 4   | ... | 9 and more |
    /// |--------|---|-----|-----|-----|-----|-----|------------|
    /// | wait   | 0 | 1 s | 2 s | 4 s | 8 s | ... | 5 min      |
    ///
    /// The streak ends when a token comes from a fetch no 401 asked for (a scheduled refresh).
    static func rejectionCooldown(streak: Int) -> Duration {
        guard streak > 0 else { return .zero }
        return min(.seconds(1 << min(streak - 1, 9)), .seconds(300))
    }

    /// Whether a request answered 401 with the token of `rejectedGeneration` should be sent once
    /// more with `token`: only if it is another generation with another secret (a source that
    /// hands back the same token would draw the same 401). The rejected secret is looked up in
    /// the latest generations; one older than those is assumed to differ.
    package func shouldReplay(rejectedGeneration: UInt64, with token: Token) -> Bool {
        guard token.generation != rejectedGeneration else { return false }
        guard let rejected = recentSecrets.last(where: { $0.generation == rejectedGeneration }) else { return true }
        return !rejected.secret.isEqual(to: token.secret)
    }

    /// The request of `waiter` went away (the client disconnected): it will not be named in a
    /// later `.resume` or `.fail`.
    package mutating func waiterLeft(_ waiter: WaiterID) {
        waiters.removeAll { $0 == waiter }
    }
}
