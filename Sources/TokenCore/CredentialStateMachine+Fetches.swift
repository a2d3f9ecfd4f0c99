extension CredentialStateMachine {
    /// bearerd started: fetch the first token at once, so it is there before the first request.
    package mutating func started(now: Instant) -> [CredentialAction] {
        var actions: [CredentialAction] = []
        fetchSoon(now: now, into: &actions)
        return actions
    }

    /// The fetch in flight brought `material` at `now`, when the wall clock said `wallNow`.
    ///
    /// The material becomes the next generation's token unless it cannot go in a header or
    /// `TokenLifetime.of` rejects it (expired, too short-lived): then this is a failed fetch.
    /// Waiters are resumed with the token, and its refresh moment is planned. Ignored when no
    /// fetch is in flight (a result for a fetch the shell already reported).
    package mutating func fetchSucceeded(
        _ material: TokenMaterial,
        now: Instant,
        wallNow: WallTime
    ) -> [CredentialAction] {
        guard fetchInFlight else { return [] }
        fetchInFlight = false
        hasAttemptedFetch = true
        let scheme: String
        let lifetime: TokenLifetime
        do throws(FetchFailure) {
            scheme = try material.validatedScheme()
            lifetime = try TokenLifetime.of(material, ttl: policy.ttl, wallNow: wallNow)
        } catch {
            return failed(error, now: now)
        }
        let refreshAt = lifetime.duration.map { duration in
            RefreshSchedule.refreshMoment(arrival: now, lifetime: duration, refreshAt: policy.refreshAt, using: &random)
        }
        let newToken = Token(
            secret: material.secret,
            scheme: scheme,
            generation: (token?.generation ?? 0) + 1,
            receivedAt: now,
            lifetime: lifetime,
            refreshAt: refreshAt
        )
        token = newToken
        tokenRejected = false
        // A token asked for by a 401 whose predecessor came the same way lengthens the streak.
        rejectionStreak = fetchingAfterRejection ? rejectionStreak + 1 : 0
        fetchingAfterRejection = false
        recentSecrets.append((newToken.generation, newToken.secret))
        if recentSecrets.count > Self.rememberedGenerations {
            recentSecrets.removeFirst()
        }

        var actions: [CredentialAction] = []
        if !waiters.isEmpty {
            actions.append(.resume(waiters: waiters, token: newToken))
            waiters.removeAll()
        }
        nextFetchAt = nil
        if sourceChangedDuringFetch {
            fetchSoon(now: now, into: &actions)
        } else if let refreshAt {
            planFetch(at: refreshAt, into: &actions)
        }
        if consecutiveFailures > 0, let failingSince {
            actions.append(.reportRecovery(RecoveryReport(failures: consecutiveFailures, failingSince: failingSince)))
        }
        consecutiveFailures = 0
        failingSince = nil
        return actions
    }

    /// The fetch in flight failed (a timeout too). The next attempt is planned after a backoff
    /// (`RefreshPolicy.transientBackoff` or `permanentBackoff`), no sooner than a `Retry-After`
    /// up to `maximumRetryAfter`. Waiters are failed: requests wait only when no token is usable,
    /// and nothing but a fetched token makes one usable again. Ignored when no fetch is in flight.
    package mutating func fetchFailed(_ failure: FetchFailure, now: Instant) -> [CredentialAction] {
        guard fetchInFlight else { return [] }
        fetchInFlight = false
        hasAttemptedFetch = true
        return failed(failure, now: now)
    }

    mutating func failed(_ failure: FetchFailure, now: Instant) -> [CredentialAction] {
        fetchingAfterRejection = false
        consecutiveFailures += 1
        failedFetchCount += 1
        let since = failingSince ?? now
        failingSince = since
        lastFailure = failure

        var delay: Duration
        switch failure.kind {
        case .permanent:
            delay = policy.permanentBackoff.delay(afterFailures: consecutiveFailures, using: &random)
        case .transient(let retryAfter):
            delay = policy.transientBackoff.delay(afterFailures: consecutiveFailures, using: &random)
            if let retryAfter {
                delay = max(delay, min(retryAfter, policy.maximumRetryAfter))
            }
        }
        if sourceChangedDuringFetch {
            // The source has something new: try it as soon as the fetch interval allows.
            delay = .zero
        }

        var actions: [CredentialAction] = []
        let retryAt = planFetch(at: now + delay, into: &actions)
        if !waiters.isEmpty {
            actions.insert(.fail(waiters: waiters, retryAfter: retryAt - now, failure: failure), at: 0)
            waiters.removeAll()
        }
        let report = FailureReport(
            failure: failure,
            consecutiveFailures: consecutiveFailures,
            failingSince: since,
            serving: validity(at: now),
            retryAt: retryAt
        )
        actions.append(.reportFailure(report))
        return actions
    }

    /// A wake-up asked for by `.scheduleWakeUp` arrived (or a stale one: the shell may deliver
    /// early, late or replaced ones). Starts the planned fetch if its moment has come; re-asks
    /// for the planned moment if this one is early.
    package mutating func wakeUpArrived(now: Instant) -> [CredentialAction] {
        guard !fetchInFlight, let due = nextFetchAt else { return [] }
        var actions: [CredentialAction] = []
        if due <= now {
            startFetch(now: now, into: &actions)
        } else {
            actions.append(.scheduleWakeUp(at: due))
        }
        return actions
    }

    /// The source (a watched file) changed: fetch as soon as the fetch interval allows, even
    /// during a backoff, which protects issuers rather than files. During a fetch, fetch again
    /// after it, since it may have read the old content.
    package mutating func sourceChanged(now: Instant) -> [CredentialAction] {
        if fetchInFlight {
            sourceChangedDuringFetch = true
            return []
        }
        var actions: [CredentialAction] = []
        fetchSoon(now: now, into: &actions)
        return actions
    }
}
