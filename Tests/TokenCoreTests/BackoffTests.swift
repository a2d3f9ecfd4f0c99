import Testing

@testable import TokenCore

@Suite struct BackoffTests {
    @Test("the transient cap doubles from 1 s to 60 s, as the table in Backoff says")
    func transientTable() {
        let caps = (1...9).map { Backoff.transient.maximumDelay(afterFailures: $0) }
        #expect(caps == [1, 2, 4, 8, 16, 32, 60, 60, 60].map { Duration.seconds($0) })
    }

    @Test("the permanent cap doubles from 30 s to 10 min, as the table in Backoff says")
    func permanentTable() {
        let caps = (1...8).map { Backoff.permanent.maximumDelay(afterFailures: $0) }
        #expect(caps == [30, 60, 120, 240, 480, 600, 600, 600].map { Duration.seconds($0) })
    }

    @Test("a huge failure count stays at the cap without overflowing")
    func hugeFailureCount() {
        #expect(Backoff.transient.maximumDelay(afterFailures: Int.max) == .seconds(60))
        #expect(Backoff(base: .zero, cap: .seconds(5), jitter: .full).maximumDelay(afterFailures: Int.max) == .zero)
    }

    @Test("transient delays are full jitter: exact values from a seeded generator")
    func transientSequence() {
        var random = SplitMix64(seed: 1)
        let delays = (1...8).map { Backoff.transient.delay(afterFailures: $0, using: &random) }
        let expected: [Duration] = [
            .nanoseconds(749_606_097), .nanoseconds(187_805_917), .nanoseconds(1_804_930_769),
            .nanoseconds(797_157_641), .nanoseconds(4_614_766_434), .nanoseconds(2_424_751_373),
            .nanoseconds(27_874_129_934), .nanoseconds(19_907_245_760),
        ]
        #expect(delays == expected)
    }

    @Test("permanent delays are equal jitter, never under half the cap: exact values from a seeded generator")
    func permanentSequence() {
        var random = SplitMix64(seed: 1)
        let delays = (1...7).map { Backoff.permanent.delay(afterFailures: $0, using: &random) }
        let expected: [Duration] = [
            .nanoseconds(23_504_074_707), .nanoseconds(40_607_853_679), .nanoseconds(109_984_359_936),
            .nanoseconds(233_753_472_063), .nanoseconds(437_092_821_940), .nanoseconds(402_817_620_323),
            .nanoseconds(388_089_919_623),
        ]
        #expect(delays == expected)
    }

    @Test("every jittered delay stays within its bounds")
    func bounds() {
        var random = SplitMix64(seed: 99)
        for failures in 1...12 {
            for _ in 0..<100 {
                let transientCap = Backoff.transient.maximumDelay(afterFailures: failures)
                let transient = Backoff.transient.delay(afterFailures: failures, using: &random)
                #expect(transient >= .zero && transient <= transientCap)
                let permanentCap = Backoff.permanent.maximumDelay(afterFailures: failures)
                let permanent = Backoff.permanent.delay(afterFailures: failures, using: &random)
                #expect(permanent >= permanentCap / 2 && permanent <= permanentCap)
            }
        }
    }
}
