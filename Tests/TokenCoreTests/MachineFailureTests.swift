import Testing

@testable import TokenCore

@Suite struct MachineFailureTests {
    static let serverError = FetchFailure.transient("issuer answered 500")
    static let rejectedClient = FetchFailure.permanent("issuer answered 401 invalid_client: bad secret")

    /// Lets `count` fetches fail, each one second after it started, and returns the delay from
    /// each failure to the retry the machine planned.
    static func retryDelays(_ failure: FetchFailure, count: Int, policy: RefreshPolicy = RefreshPolicy()) -> [Duration]
    {
        var machine = Machine(policy: policy, random: SplitMix64(seed: 1))
        var actions = machine.started(now: t0)
        var now = t0
        var delays: [Duration] = []
        for _ in 0..<count {
            #expect(actions == [.startFetch])
            now = now + .seconds(1)
            let failed = machine.fetchFailed(failure, now: now)
            guard case .scheduleWakeUp(let retryAt) = failed.first else {
                Issue.record("expected a wake-up first, got \(failed)")
                return delays
            }
            delays.append(retryAt - now)
            now = retryAt
            actions = machine.wakeUpArrived(now: now)
        }
        return delays
    }

    @Test("transient failures back off with full jitter up to 60 s (exact values, seeded)")
    func transientBackoff() {
        let expected: [Duration] = [
            .nanoseconds(749_606_097), .nanoseconds(187_805_917), .nanoseconds(1_804_930_769),
            .nanoseconds(797_157_641), .nanoseconds(4_614_766_434), .nanoseconds(2_424_751_373),
            .nanoseconds(27_874_129_934), .nanoseconds(19_907_245_760),
        ]
        #expect(Self.retryDelays(Self.serverError, count: 8) == expected)
    }

    @Test("permanent failures back off from 30 s to 10 min (exact values, seeded)")
    func permanentBackoff() {
        let expected: [Duration] = [
            .nanoseconds(23_504_074_707), .nanoseconds(40_607_853_679), .nanoseconds(109_984_359_936),
            .nanoseconds(233_753_472_063), .nanoseconds(437_092_821_940), .nanoseconds(402_817_620_323),
            .nanoseconds(388_089_919_623),
        ]
        #expect(Self.retryDelays(Self.rejectedClient, count: 7) == expected)
    }

    @Test("a 429 with Retry-After waits at least that long, at most the configured maximum")
    func retryAfter() {
        let asked = FetchFailure.transient("issuer answered 429", retryAfter: .seconds(120))
        #expect(Self.retryDelays(asked, count: 2) == [.seconds(120), .seconds(120)])
        let greedy = FetchFailure.transient("issuer answered 503", retryAfter: .seconds(86_400))
        #expect(Self.retryDelays(greedy, count: 1) == [.seconds(600)])
        let policy = RefreshPolicy(maximumRetryAfter: .seconds(30))
        #expect(Self.retryDelays(greedy, count: 1, policy: policy) == [.seconds(30)])
    }

    @Test("no retry starts sooner than the fetch interval after the last start")
    func fetchIntervalFloor() {
        var machine = SteadyMachine(random: NoJitter())
        #expect(machine.started(now: t0) == [.startFetch])
        // No jitter draws a zero backoff: only the 1 s fetch interval holds the retry back.
        let actions = machine.fetchFailed(Self.serverError, now: t0 + .milliseconds(200))
        #expect(actions.first == .scheduleWakeUp(at: t0 + .seconds(1)))
    }

    @Test("a usable token is served while refreshes fail; requests are refused only once it expires")
    func serveWhileValid() throws {
        var machine = SteadyMachine(policy: .readable, random: NoJitter())
        _ = machine.fetch(.opaque("tok-1", expiresIn: 100), at: t0)
        let token = try #require(machine.tokenNeeded(by: WaiterID(0), now: t0).token)

        #expect(machine.wakeUpArrived(now: t0 + .seconds(80)) == [.startFetch])
        let first = machine.fetchFailed(Self.serverError, now: t0 + .seconds(81))
        let report = FailureReport(
            failure: Self.serverError,
            consecutiveFailures: 1,
            failingSince: t0 + .seconds(81),
            serving: .until(t0 + .seconds(90)),
            retryAt: t0 + .seconds(91)
        )
        #expect(first == [.scheduleWakeUp(at: t0 + .seconds(91)), .reportFailure(report)])
        let line =
            #"credential "api": refresh failed (issuer answered 500), "#
            + "serving current token for 9s, retry in 10s"
        #expect(report.message(credential: "api", now: t0 + .seconds(81)) == line)

        #expect(machine.tokenNeeded(by: WaiterID(1), now: t0 + .seconds(85)) == TokenRequestResult(.use(token)))
        let lastMoment = t0 + .seconds(90) - .nanoseconds(1)
        #expect(machine.tokenNeeded(by: WaiterID(2), now: lastMoment) == TokenRequestResult(.use(token)))
        #expect(
            machine.tokenNeeded(by: WaiterID(3), now: t0 + .seconds(90))
                == TokenRequestResult(.unavailable(retryAfter: .seconds(1), failure: Self.serverError))
        )

        #expect(machine.wakeUpArrived(now: t0 + .seconds(91)) == [.startFetch])
        #expect(machine.tokenNeeded(by: WaiterID(4), now: t0 + .seconds(91)) == TokenRequestResult(.wait))
        let second = machine.fetchFailed(Self.serverError, now: t0 + .seconds(92))
        let noToken = FailureReport(
            failure: Self.serverError,
            consecutiveFailures: 2,
            failingSince: t0 + .seconds(81),
            serving: .none,
            retryAt: t0 + .seconds(112)
        )
        #expect(
            second == [
                .fail(waiters: [WaiterID(4)], retryAfter: .seconds(20), failure: Self.serverError),
                .scheduleWakeUp(at: t0 + .seconds(112)),
                .reportFailure(noToken),
            ]
        )
        #expect(
            noToken.message(credential: "api", now: t0 + .seconds(92))
                == #"credential "api": token fetch failed (issuer answered 500), no valid token, retry in 20s"#
        )

        #expect(machine.wakeUpArrived(now: t0 + .seconds(112)) == [.startFetch])
        let recovered = machine.fetchSucceeded(
            .opaque("tok-2", expiresIn: 100), now: t0 + .seconds(113), wallNow: wallNow)
        let recovery = RecoveryReport(failures: 2, failingSince: t0 + .seconds(81))
        #expect(recovered == [.scheduleWakeUp(at: t0 + .seconds(193)), .reportRecovery(recovery)])
        #expect(
            recovery.message(credential: "api", now: t0 + .seconds(113))
                == #"credential "api": token fetched after 2 failed attempts over 32s"#
        )
        #expect(machine.consecutiveFailures == 0)
        #expect(machine.failedFetchCount == 2)
        #expect(machine.lastFailure == Self.serverError)
    }

    @Test("a token expired on arrival is a failed fetch, and waiters are failed")
    func expiredOnArrival() {
        var machine = SteadyMachine(policy: .readable, random: NoJitter())
        #expect(machine.tokenNeeded(by: WaiterID(1), now: t0) == TokenRequestResult(.wait, actions: [.startFetch]))
        let expired = TokenMaterial(secret: jwt(issuedAt: nil, expiresAt: 1_700_000_000 - 60))
        let failure = FetchFailure.transient("token had already expired on arrival (by JWT exp, 1m0s ago)")
        let actions = machine.fetchSucceeded(expired, now: t0 + .seconds(1), wallNow: wallNow)
        #expect(
            actions == [
                .fail(waiters: [WaiterID(1)], retryAfter: .seconds(10), failure: failure),
                .scheduleWakeUp(at: t0 + .seconds(11)),
                .reportFailure(
                    FailureReport(
                        failure: failure,
                        consecutiveFailures: 1,
                        failingSince: t0 + .seconds(1),
                        serving: .none,
                        retryAt: t0 + .seconds(11)
                    )
                ),
            ]
        )
        #expect(machine.hasAttemptedFetch)
        #expect(machine.status(at: t0 + .seconds(1)).generation == nil)
    }

    @Test("a token too short-lived or unfit for a header is a failed fetch")
    func unusableMaterial() {
        let cases: [(TokenMaterial, FetchFailure)] = [
            (.opaque("tok", expiresIn: 0), .transient("token had already expired on arrival (by expires_in, 0ms ago)")),
            (
                TokenMaterial(secret: Secret("tok"), expiresIn: .milliseconds(999)),
                .transient("token lifetime 999ms (expires_in) is below the 1s minimum")
            ),
            (.opaque(""), .permanent("token is empty")),
            (.opaque("tok\r\nX-Injected: 1"), .permanent("token has a byte that cannot go in a header at offset 3")),
            (
                TokenMaterial(secret: Secret("tok"), scheme: "Bear er"),
                .permanent(#"token type "Bear er" is not a valid auth scheme"#)
            ),
        ]
        for (material, failure) in cases {
            var machine = SteadyMachine(random: NoJitter())
            _ = machine.started(now: t0)
            let actions = machine.fetchSucceeded(material, now: t0, wallNow: wallNow)
            #expect(machine.lastFailure == failure)
            #expect(actions.count == 2)
        }
    }

    @Test("an outcome with no fetch in flight is ignored")
    func strayOutcome() {
        var machine = SteadyMachine(random: NoJitter())
        #expect(machine.fetchFailed(Self.serverError, now: t0) == [])
        #expect(machine.fetchSucceeded(.opaque("tok"), now: t0, wallNow: wallNow) == [])
        #expect(machine.hasAttemptedFetch == false)
    }
}
