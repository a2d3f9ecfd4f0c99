import Testing

@testable import TokenCore

@Suite struct MachineRefreshTests {
    @Test("the first fetch starts at start-up, and a request waits for it")
    func firstFetch() throws {
        var machine = SteadyMachine(random: NoJitter())
        #expect(machine.started(now: t0) == [.startFetch])
        #expect(machine.hasAttemptedFetch == false)
        #expect(machine.tokenNeeded(by: WaiterID(1), now: t0 + .milliseconds(100)) == TokenRequestResult(.wait))

        let arrival = t0 + .milliseconds(500)
        let actions = machine.fetchSucceeded(.opaque("tok-1", expiresIn: 3600), now: arrival, wallNow: wallNow)
        let token = try #require(actions.resumedToken)
        #expect(
            actions == [.resume(waiters: [WaiterID(1)], token: token), .scheduleWakeUp(at: arrival + .seconds(2880))])
        #expect(token.generation == 1)
        #expect(token.scheme == "Bearer")
        #expect(token.secret == Secret("tok-1"))
        #expect(token.receivedAt == arrival)
        #expect(token.expiresAt == arrival + .seconds(3600))
        #expect(token.usableUntil == arrival + .seconds(3590))
        #expect(token.refreshAt == arrival + .seconds(2880))
        #expect(machine.hasAttemptedFetch)
        #expect(machine.tokenNeeded(by: WaiterID(2), now: arrival + .seconds(1)) == TokenRequestResult(.use(token)))
    }

    struct LifetimeCase: Sendable, CustomTestStringConvertible {
        var name: String
        var material: TokenMaterial
        var ttl: Duration? = nil
        /// From arrival to the planned refresh, at refreshAt 0.8 without jitter.
        var refreshAfter: Duration
        var testDescription: String { name }
    }

    static let now: Int64 = 1_700_000_000

    static let lifetimeCases: [LifetimeCase] = [
        LifetimeCase(
            name: "JWT with iat",
            material: TokenMaterial(secret: jwt(issuedAt: now, expiresAt: now + 3600)),
            refreshAfter: .seconds(2880)
        ),
        LifetimeCase(
            name: "JWT with iat from an issuer clock an hour behind",
            material: TokenMaterial(secret: jwt(issuedAt: now - 3600, expiresAt: now)),
            refreshAfter: .seconds(2880)
        ),
        LifetimeCase(
            name: "JWT with iat from an issuer clock an hour ahead",
            material: TokenMaterial(secret: jwt(issuedAt: now + 3600, expiresAt: now + 7200)),
            refreshAfter: .seconds(2880)
        ),
        LifetimeCase(
            name: "JWT without iat, by the local wall clock",
            material: TokenMaterial(secret: jwt(issuedAt: nil, expiresAt: now + 3600)),
            refreshAfter: .seconds(2880)
        ),
        LifetimeCase(
            name: "JWT without iat 30 minutes from expiry",
            material: TokenMaterial(secret: jwt(issuedAt: nil, expiresAt: now + 1800)),
            refreshAfter: .seconds(1440)
        ),
        LifetimeCase(name: "expires_in 300", material: .opaque("opaque", expiresIn: 300), refreshAfter: .seconds(240)),
        LifetimeCase(
            name: "expiresAt in 10 minutes",
            material: TokenMaterial(secret: Secret("opaque"), expiresAt: WallTime(secondsSinceEpoch: now + 600)),
            refreshAfter: .seconds(480)
        ),
        LifetimeCase(name: "ttl 100 s", material: .opaque("opaque"), ttl: .seconds(100), refreshAfter: .seconds(80)),
    ]

    @Test("the refresh moment follows the token's lifetime", arguments: lifetimeCases)
    func refreshMoment(_ testCase: LifetimeCase) {
        var machine = SteadyMachine(policy: RefreshPolicy(ttl: testCase.ttl), random: NoJitter())
        let arrival = t0 + .seconds(2)
        #expect(machine.started(now: t0) == [.startFetch])
        let actions = machine.fetchSucceeded(testCase.material, now: arrival, wallNow: wallNow)
        #expect(actions == [.scheduleWakeUp(at: arrival + testCase.refreshAfter)])
    }

    @Test("the refresh starts at the wake-up while the old token is still served")
    func backgroundRefresh() {
        var machine = SteadyMachine(random: NoJitter())
        let refresh = t0 + .seconds(80)
        #expect(machine.fetch(.opaque("tok-1", expiresIn: 100), at: t0) == [.scheduleWakeUp(at: refresh)])

        #expect(machine.wakeUpArrived(now: refresh - .seconds(5)) == [.scheduleWakeUp(at: refresh)])
        #expect(machine.wakeUpArrived(now: refresh) == [.startFetch])
        #expect(machine.wakeUpArrived(now: refresh + .seconds(1)) == [])
        #expect(machine.tokenNeeded(by: WaiterID(1), now: refresh + .seconds(1)).token?.generation == 1)

        let arrival = refresh + .seconds(2)
        let actions = machine.fetchSucceeded(.opaque("tok-2", expiresIn: 100), now: arrival, wallNow: wallNow)
        #expect(actions == [.scheduleWakeUp(at: arrival + .seconds(80))])
        #expect(machine.tokenNeeded(by: WaiterID(2), now: arrival).token?.generation == 2)
    }

    @Test("when the issuer changes the lifetime, the next refresh follows the new one")
    func issuerChangesLifetime() {
        var machine = SteadyMachine(random: NoJitter())
        #expect(machine.fetch(.opaque("tok-1", expiresIn: 3600), at: t0) == [.scheduleWakeUp(at: t0 + .seconds(2880))])
        #expect(machine.wakeUpArrived(now: t0 + .seconds(2880)) == [.startFetch])
        let arrival = t0 + .seconds(2881)
        let actions = machine.fetchSucceeded(.opaque("tok-2", expiresIn: 600), now: arrival, wallNow: wallNow)
        #expect(actions == [.scheduleWakeUp(at: arrival + .seconds(480))])
    }

    @Test("a token without expiry is fetched once and never refreshed")
    func staticToken() {
        var machine = SteadyMachine(random: NoJitter())
        #expect(machine.started(now: t0) == [.startFetch])
        #expect(machine.fetchSucceeded(.opaque("static"), now: t0, wallNow: wallNow) == [])
        #expect(machine.wakeUpArrived(now: t0 + .seconds(86_400 * 365)) == [])
        let later = machine.tokenNeeded(by: WaiterID(1), now: t0 + .seconds(86_400 * 365))
        #expect(later.token?.generation == 1)
        #expect(later.actions == [])
        #expect(machine.status(at: t0).validity == .indefinitely)
    }

    @Test("a seeded generator jitters the refresh moment by an exact amount")
    func seededJitter() {
        var machine = Machine(random: SplitMix64(seed: 7))
        // The first draw of SplitMix64(7) mod 30,000,000,001 ns (the 30 s jitter limit).
        let actions = machine.fetch(.opaque("tok-1", expiresIn: 3600), at: t0)
        #expect(actions == [.scheduleWakeUp(at: t0 + .seconds(2880) - .nanoseconds(20_652_671_501))])
    }

    @Test("the token type from the source becomes the scheme, bearer in any case becomes Bearer")
    func scheme() {
        var machine = SteadyMachine(random: NoJitter())
        _ = machine.fetch(TokenMaterial(secret: Secret("a"), scheme: "bearer"), at: t0)
        #expect(machine.tokenNeeded(by: WaiterID(1), now: t0).token?.scheme == "Bearer")
        _ = machine.fetch(TokenMaterial(secret: Secret("b"), scheme: "DPoP"), at: t0 + .seconds(1))
        #expect(machine.tokenNeeded(by: WaiterID(1), now: t0 + .seconds(1)).token?.scheme == "DPoP")
    }

    @Test("the status shows validity, the next fetch and the counters")
    func status() {
        var machine = SteadyMachine(random: NoJitter())
        _ = machine.fetch(.opaque("tok-1", expiresIn: 100), at: t0)
        #expect(
            machine.status(at: t0 + .seconds(5))
                == CredentialStatus(
                    validity: .until(t0 + .seconds(90)),
                    generation: 1,
                    nextFetchAt: t0 + .seconds(80),
                    fetchInFlight: false,
                    waiting: 0,
                    fetchCount: 1,
                    failedFetchCount: 0,
                    consecutiveFailures: 0,
                    failingSince: nil,
                    lastFailure: nil
                )
        )
        #expect(machine.status(at: t0 + .seconds(90)).validity == .none)
    }
}
