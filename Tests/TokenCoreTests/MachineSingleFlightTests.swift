import Testing

@testable import TokenCore

@Suite struct MachineSingleFlightTests {
    @Test("1,000 requests with no token cause exactly one fetch and are released together")
    func thousandWaiters() throws {
        var machine = SteadyMachine(random: NoJitter())
        var actions = machine.started(now: t0)
        for waiter in 1...1000 {
            let result = machine.tokenNeeded(by: WaiterID(UInt64(waiter)), now: t0 + .milliseconds(Int64(waiter)))
            #expect(result.answer == .wait)
            actions += result.actions
        }
        #expect(actions.startFetchCount == 1)
        #expect(machine.status(at: t0).waiting == 1000)

        let released = machine.fetchSucceeded(
            .opaque("tok-1", expiresIn: 3600), now: t0 + .seconds(2), wallNow: wallNow)
        let token = try #require(released.resumedToken)
        #expect(released.first == .resume(waiters: (1...1000).map { WaiterID(UInt64($0)) }, token: token))
        #expect(released.startFetchCount == 0)
        #expect(machine.status(at: t0).waiting == 0)
    }

    @Test("1,000 requests are failed together when the one fetch fails")
    func thousandWaitersFail() {
        var machine = SteadyMachine(policy: .readable, random: NoJitter())
        var actions: [CredentialAction] = []
        for waiter in 1...1000 {
            actions += machine.tokenNeeded(by: WaiterID(UInt64(waiter)), now: t0).actions
        }
        #expect(actions == [.startFetch])
        let failure = FetchFailure.transient("issuer answered 502")
        let failed = machine.fetchFailed(failure, now: t0 + .seconds(5))
        let everyone = (1...1000).map { WaiterID(UInt64($0)) }
        #expect(failed.first == .fail(waiters: everyone, retryAfter: .seconds(10), failure: failure))
        #expect(failed.startFetchCount == 0)
    }

    @Test("a request that left is not resumed")
    func waiterLeft() throws {
        var machine = SteadyMachine(random: NoJitter())
        _ = machine.tokenNeeded(by: WaiterID(1), now: t0)
        _ = machine.tokenNeeded(by: WaiterID(2), now: t0)
        machine.waiterLeft(WaiterID(1))
        let actions = machine.fetchSucceeded(.opaque("tok"), now: t0, wallNow: wallNow)
        let token = try #require(actions.resumedToken)
        #expect(actions == [.resume(waiters: [WaiterID(2)], token: token)])
    }

    @Test("a source change during a fetch fetches again afterwards, no sooner than the fetch interval")
    func sourceChangedDuringFetch() {
        var machine = SteadyMachine(random: NoJitter())
        #expect(machine.started(now: t0) == [.startFetch])
        #expect(machine.sourceChanged(now: t0 + .milliseconds(100)) == [])
        #expect(machine.sourceChanged(now: t0 + .milliseconds(200)) == [])
        let actions = machine.fetchSucceeded(
            .opaque("old", expiresIn: 3600), now: t0 + .milliseconds(300), wallNow: wallNow)
        #expect(actions == [.scheduleWakeUp(at: t0 + .seconds(1))])
        #expect(machine.wakeUpArrived(now: t0 + .seconds(1)) == [.startFetch])
        let next = machine.fetchSucceeded(.opaque("new", expiresIn: 3600), now: t0 + .seconds(1), wallNow: wallNow)
        #expect(next == [.scheduleWakeUp(at: t0 + .seconds(2881))])
    }

    @Test("a source change skips a backoff but not the fetch interval")
    func sourceChangedDuringBackoff() {
        var machine = SteadyMachine(
            policy: RefreshPolicy(permanentBackoff: Backoff(base: .seconds(600), cap: .seconds(600), jitter: .equal)),
            random: NoJitter()
        )
        _ = machine.started(now: t0)
        let failed = machine.fetchFailed(.permanent("output is empty"), now: t0 + .milliseconds(10))
        #expect(failed.first == .scheduleWakeUp(at: t0 + .milliseconds(10) + .seconds(300)))
        #expect(machine.sourceChanged(now: t0 + .milliseconds(500)) == [.scheduleWakeUp(at: t0 + .seconds(1))])
        #expect(machine.sourceChanged(now: t0 + .milliseconds(600)) == [])
        #expect(machine.wakeUpArrived(now: t0 + .seconds(1)) == [.startFetch])
    }

    @Test("wake-ups with nothing planned, or during a fetch, do nothing")
    func staleWakeUps() {
        var machine = SteadyMachine(random: NoJitter())
        #expect(machine.wakeUpArrived(now: t0) == [])
        _ = machine.started(now: t0)
        #expect(machine.wakeUpArrived(now: t0 + .seconds(5)) == [])
        #expect(machine.status(at: t0).fetchCount == 1)
    }
}
