extension Duration {
    /// A duration drawn uniformly from `0...limit` at nanosecond resolution, from one value of
    /// `generator` (so a seeded generator gives a fixed sequence of draws).
    ///
    /// The draw is `next() % (n + 1)` for `n` nanoseconds. Its bias towards small values is below
    /// n / 2^64: under 1 in 10^7 for limits up to an hour. A limit at or below zero gives zero.
    package static func random(upTo limit: Duration, using generator: inout some RandomNumberGenerator) -> Duration {
        guard limit > .zero else { return .zero }
        let (seconds, attoseconds) = limit.components
        let (scaled, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        let nanoseconds = overflow ? UInt64.max - 1 : scaled + UInt64(attoseconds / 1_000_000_000)
        return .nanoseconds(Int64(clamping: generator.next() % (nanoseconds + 1)))
    }
}
