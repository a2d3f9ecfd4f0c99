import Testing

@testable import TokenCore

@Suite struct MachineSuspendTests {
    @Test("after a suspend past expiry the old token is never injected: the request waits for a fresh one")
    func suspendPastExpiry() throws {
        var machine = SteadyMachine(random: NoJitter())
        #expect(machine.fetch(.opaque("tok-1", expiresIn: 3600), at: t0) == [.scheduleWakeUp(at: t0 + .seconds(2880))])

        // The machine slept through the refresh and the expiry; the request comes before the timer.
        let resumed = t0 + .seconds(10_000)
        #expect(machine.tokenNeeded(by: WaiterID(1), now: resumed) == TokenRequestResult(.wait, actions: [.startFetch]))
        #expect(machine.tokenNeeded(by: WaiterID(2), now: resumed) == TokenRequestResult(.wait))
        #expect(machine.wakeUpArrived(now: resumed) == [])

        let actions = machine.fetchSucceeded(
            .opaque("tok-2", expiresIn: 3600), now: resumed + .seconds(1), wallNow: wallNow)
        let token = try #require(actions.resumedToken)
        #expect(token.generation == 2)
        #expect(actions.first == .resume(waiters: [WaiterID(1), WaiterID(2)], token: token))
    }

    @Test("after a suspend past the refresh moment but not the expiry, the token is used and a refresh starts")
    func suspendPastRefresh() throws {
        var machine = SteadyMachine(random: NoJitter())
        _ = machine.fetch(.opaque("tok-1", expiresIn: 3600), at: t0)
        let resumed = t0 + .seconds(3000)
        let result = machine.tokenNeeded(by: WaiterID(1), now: resumed)
        #expect(result.token?.generation == 1)
        #expect(result.actions == [.startFetch])
        #expect(machine.tokenNeeded(by: WaiterID(2), now: resumed).actions == [])
    }

    @Test("a token is never handed out within the safety margin before its expiry")
    func safetyMargin() {
        var machine = SteadyMachine(policy: .readable, random: NoJitter())
        _ = machine.fetch(.opaque("tok-1", expiresIn: 3600), at: t0)
        // Usable until 3600 s - 10 s; the refresh at 2880 s has not run (no timer delivered).
        let late = machine.tokenNeeded(by: WaiterID(1), now: t0 + .seconds(3589))
        #expect(late.token?.generation == 1)
        #expect(late.actions == [.startFetch])
        let failure = FetchFailure.transient("timed out after 30s")
        _ = machine.fetchFailed(failure, now: t0 + .seconds(3589))
        #expect(
            machine.tokenNeeded(by: WaiterID(2), now: t0 + .seconds(3590))
                == TokenRequestResult(.unavailable(retryAfter: .seconds(9), failure: failure))
        )
    }
}
