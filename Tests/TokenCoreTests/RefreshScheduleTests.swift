import Testing

@testable import TokenCore

@Suite struct RefreshScheduleTests {
    let arrival = Instant.at(1_000)

    @Test("without jitter the refresh moment is arrival + lifetime * refreshAt")
    func refreshAtFraction() {
        var random = NoJitter()
        let moment = RefreshSchedule.refreshMoment(
            arrival: arrival,
            lifetime: .seconds(3600),
            refreshAt: 0.8,
            using: &random
        )
        #expect(moment == .at(1_000 + 2_880))
    }

    @Test("jitter takes at most 5% of the lifetime, at most 30 s, off the refresh moment")
    func jitterBounds() {
        var random = SplitMix64(seed: 42)
        for lifetime in [Duration.seconds(60), .seconds(600), .seconds(3600), .seconds(86_400)] {
            for _ in 0..<200 {
                let moment = RefreshSchedule.refreshMoment(
                    arrival: arrival,
                    lifetime: lifetime,
                    refreshAt: 0.8,
                    using: &random
                )
                let planned: Instant = arrival + lifetime * 0.8
                let maximumJitter: Duration = min(lifetime * 0.05, .seconds(30))
                #expect(moment <= planned)
                #expect(moment >= planned - maximumJitter)
            }
        }
    }

    @Test("a seeded generator gives exact refresh moments")
    func seededMoments() {
        var random = SplitMix64(seed: 7)
        let moments = (0..<3).map { _ in
            RefreshSchedule.refreshMoment(arrival: arrival, lifetime: .seconds(3600), refreshAt: 0.8, using: &random)
        }
        // Jitter limit 30 s = 30,000,000,000 ns; SplitMix64(7) draws mod 30,000,000,001.
        let jitters: [Duration] = moments.map { .at(3_880) - $0 }
        #expect(jitters == [.nanoseconds(20_652_671_501), .nanoseconds(2_584_632_825), .nanoseconds(6_261_739_288)])
    }

    @Test("the refresh moment is never earlier than half the lifetime")
    func earliestHalf() {
        var random = NoJitter()
        let moment = RefreshSchedule.refreshMoment(
            arrival: arrival, lifetime: .seconds(100), refreshAt: 0.01, using: &random)
        #expect(moment == .at(1_050))
    }

    @Test("the refresh moment is never after the token stops being usable")
    func latestUsable() {
        var random = NoJitter()
        // 0.95 of 20 s is 19 s, but the token stops being usable at 20 s - 2 s margin.
        let moment = RefreshSchedule.refreshMoment(
            arrival: arrival, lifetime: .seconds(20), refreshAt: 0.95, using: &random)
        #expect(moment == .at(1_018))
    }

    @Test("refreshAt outside 0.1...0.95 is clamped, NaN means the default")
    func clampsRefreshAt() {
        #expect(RefreshPolicy.clamped(refreshAt: 2) == 0.95)
        #expect(RefreshPolicy.clamped(refreshAt: -1) == 0.1)
        #expect(RefreshPolicy.clamped(refreshAt: .nan) == 0.8)
        #expect(RefreshPolicy.clamped(refreshAt: 0.5) == 0.5)
    }

    @Test("the safety margin is 10% of the lifetime, at most 10 s")
    func safetyMargin() {
        #expect(RefreshSchedule.safetyMargin(lifetime: .seconds(30)) == .seconds(3))
        #expect(RefreshSchedule.safetyMargin(lifetime: .seconds(100)) == .seconds(10))
        #expect(RefreshSchedule.safetyMargin(lifetime: .seconds(3600)) == .seconds(10))
    }
}
