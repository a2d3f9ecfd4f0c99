import Testing

@testable import TokenCore

@Suite struct MachineRejectionTests {
    /// A machine serving generation 1 (`tok-1`, one hour) fetched at t0.
    static func serving() -> SteadyMachine {
        var machine = SteadyMachine(policy: .readable, random: NoJitter())
        _ = machine.fetch(.opaque("tok-1", expiresIn: 3600), at: t0)
        return machine
    }

    @Test("50 concurrent 401s on one generation invalidate it once: one fetch, all replays get the new token")
    func fiftyRejections() throws {
        var machine = Self.serving()
        let rejectedAt = t0 + .seconds(60)
        var actions: [CredentialAction] = []
        for waiter in 1...50 {
            let result = machine.upstreamRejected(generation: 1, by: WaiterID(UInt64(waiter)), now: rejectedAt)
            #expect(result.answer == .wait)
            actions += result.actions
        }
        #expect(actions == [.startFetch])

        let arrival = rejectedAt + .seconds(1)
        let released = machine.fetchSucceeded(.opaque("tok-2", expiresIn: 3600), now: arrival, wallNow: wallNow)
        let token = try #require(released.resumedToken)
        #expect(token.generation == 2)
        #expect(
            released == [
                .resume(waiters: (1...50).map { WaiterID(UInt64($0)) }, token: token),
                .scheduleWakeUp(at: arrival + .seconds(2880)),
            ])
        #expect(machine.shouldReplay(rejectedGeneration: 1, with: token))

        // A late 401 for the old generation gets the newer token at once, and no fetch.
        let late = machine.upstreamRejected(generation: 1, by: WaiterID(51), now: arrival + .seconds(1))
        #expect(late == TokenRequestResult(.use(token)))
    }

    @Test("a rejected token is never handed out again, even before it expires")
    func rejectedTokenWithheld() {
        var machine = Self.serving()
        _ = machine.upstreamRejected(generation: 1, by: WaiterID(1), now: t0 + .seconds(60))
        #expect(machine.tokenNeeded(by: WaiterID(2), now: t0 + .seconds(60)) == TokenRequestResult(.wait))
        let failure = FetchFailure.transient("issuer answered 503")
        let failed = machine.fetchFailed(failure, now: t0 + .seconds(61))
        #expect(failed.first == .fail(waiters: [WaiterID(1), WaiterID(2)], retryAfter: .seconds(10), failure: failure))
        #expect(machine.status(at: t0 + .seconds(61)).validity == .none)
        #expect(
            machine.tokenNeeded(by: WaiterID(3), now: t0 + .seconds(65))
                == TokenRequestResult(.unavailable(retryAfter: .seconds(6), failure: failure))
        )
    }

    @Test("when the source hands back the rejected token, the request is not replayed")
    func sameTokenAgain() throws {
        var machine = Self.serving()
        _ = machine.upstreamRejected(generation: 1, by: WaiterID(1), now: t0 + .seconds(60))
        let released = machine.fetchSucceeded(
            .opaque("tok-1", expiresIn: 3600), now: t0 + .seconds(61), wallNow: wallNow)
        let token = try #require(released.resumedToken)
        #expect(token.generation == 2)
        #expect(machine.shouldReplay(rejectedGeneration: 1, with: token) == false)
        #expect(machine.shouldReplay(rejectedGeneration: 2, with: token) == false)
    }

    @Test("a 401 on an older generation never replaced by a 401 is judged by its remembered secret")
    func olderGenerationSecret() throws {
        var machine = Self.serving()
        #expect(machine.wakeUpArrived(now: t0 + .seconds(2880)) == [.startFetch])
        _ = machine.fetchSucceeded(.opaque("tok-2", expiresIn: 3600), now: t0 + .seconds(2880), wallNow: wallNow)
        let token = try #require(machine.tokenNeeded(by: WaiterID(1), now: t0 + .seconds(2881)).token)
        #expect(machine.shouldReplay(rejectedGeneration: 1, with: token))
        #expect(machine.shouldReplay(rejectedGeneration: 2, with: token) == false)
    }

    @Test("a 401 soon after a fetch waits for the fetch interval before fetching again")
    func rejectionWithinFetchInterval() {
        var machine = Self.serving()
        let result = machine.upstreamRejected(generation: 1, by: WaiterID(1), now: t0 + .milliseconds(300))
        #expect(result == TokenRequestResult(.wait, actions: [.scheduleWakeUp(at: t0 + .seconds(1))]))
        #expect(machine.upstreamRejected(generation: 1, by: WaiterID(2), now: t0 + .milliseconds(400)).actions == [])
        #expect(machine.wakeUpArrived(now: t0 + .seconds(1)) == [.startFetch])
    }

    @Test("a 401 during a background refresh waits for that refresh instead of starting another")
    func rejectionDuringRefresh() {
        var machine = Self.serving()
        #expect(machine.wakeUpArrived(now: t0 + .seconds(2880)) == [.startFetch])
        let result = machine.upstreamRejected(generation: 1, by: WaiterID(1), now: t0 + .seconds(2881))
        #expect(result == TokenRequestResult(.wait))
        #expect(machine.status(at: t0).fetchCount == 2)
    }

    @Test("a 401 while backing off after failures is answered unavailable, not with a fetch")
    func rejectionDuringBackoff() {
        var machine = Self.serving()
        #expect(machine.wakeUpArrived(now: t0 + .seconds(2880)) == [.startFetch])
        let failure = FetchFailure.transient("issuer answered 500")
        #expect(
            machine.fetchFailed(failure, now: t0 + .seconds(2880)).first == .scheduleWakeUp(at: t0 + .seconds(2890)))
        let result = machine.upstreamRejected(generation: 1, by: WaiterID(1), now: t0 + .seconds(2882))
        #expect(result == TokenRequestResult(.unavailable(retryAfter: .seconds(8), failure: failure)))
    }
}

@Suite struct RejectionStormTests {
    @Test("an upstream that rejects every fresh token gets invalidations 1, 2, 4, 8... seconds apart, not one per request")
    func rejectionStormBacksOff() throws {
        var machine = MachineRejectionTests.serving()
        var now = t0 + .seconds(60)
        var fetchTimes: [Duration] = []
        var waiter: UInt64 = 0
        var generation: UInt64 = 1
        // Every 100 ms for two minutes a request carries the current token and is answered 401.
        while now < t0 + .seconds(180) {
            waiter += 1
            let result = machine.upstreamRejected(generation: generation, by: WaiterID(waiter), now: now)
            if result.actions.contains(.startFetch) {
                fetchTimes.append(now - t0)
                let released = machine.fetchSucceeded(
                    .opaque("tok-\(generation + 1)", expiresIn: 3600), now: now, wallNow: wallNow)
                generation = try #require(released.resumedToken).generation
            } else if let token = result.token {
                // In cooldown the token stays in service: the 401 passes through, nothing is fetched.
                #expect(token.generation == generation)
            }
            now = now + .milliseconds(100)
        }
        #expect(fetchTimes.map { $0.components.seconds } == [60, 61, 63, 67, 75, 91, 123])
    }

    @Test("a token from a scheduled refresh ends the streak: its first 401 invalidates at once")
    func scheduledRefreshEndsStreak() throws {
        var machine = MachineRejectionTests.serving()
        for (index, second) in [60, 61, 63].enumerated() {
            let result = machine.upstreamRejected(
                generation: UInt64(index + 1), by: WaiterID(UInt64(index + 1)), now: t0 + .seconds(second))
            #expect(result.actions == [.startFetch])
            _ = machine.fetchSucceeded(.opaque("tok-\(index + 2)", expiresIn: 3600), now: t0 + .seconds(second), wallNow: wallNow)
        }
        // Generation 4 lives to its refresh moment (80% of an hour); its successor starts afresh.
        let refresh = t0 + .seconds(63 + 2880)
        #expect(machine.wakeUpArrived(now: refresh) == [.startFetch])
        _ = machine.fetchSucceeded(.opaque("tok-5", expiresIn: 3600), now: refresh, wallNow: wallNow)
        let rejected = machine.upstreamRejected(generation: 5, by: WaiterID(10), now: refresh + .seconds(2))
        #expect(rejected.actions == [.startFetch])
    }
}
