/// The delay before the next attempt after consecutive failed fetches: exponential, capped and
/// jittered, so many bearerd instances that failed together do not retry together.
///
/// The cap on the delay doubles from `base` with each failure until it reaches `cap`. With the
/// defaults (`transient` for timeouts and 5xx, `permanent` for a rejected client):
///
///     failures   transient (base 1 s, cap 60 s)   permanent (base 30 s, cap 10 min)
///                full jitter: 0...max              equal jitter: max/2...max
///     1          1 s                               30 s
///     2          2 s                               1 min
///     3          4 s                               2 min
///     4          8 s                               4 min
///     5          16 s                              8 min
///     6          32 s                              10 min
///     7 and on   60 s                              10 min
///
/// Full jitter spreads retries best; permanent failures use equal jitter so that a rejected
/// client is never retried within a second of the rejection. The state machine also waits at
/// least the fetch floor (`RefreshPolicy.minimumFetchInterval`) and an issuer's `Retry-After`.
package struct Backoff: Sendable, Equatable {
    package enum Jitter: Sendable, Equatable {
        /// Uniform in `0...max` ("full jitter").
        case full
        /// Uniform in `max/2...max` ("equal jitter").
        case equal
    }

    package var base: Duration
    package var cap: Duration
    package var jitter: Jitter

    package init(base: Duration, cap: Duration, jitter: Jitter) {
        self.base = base
        self.cap = cap
        self.jitter = jitter
    }

    package static let transient = Backoff(base: .seconds(1), cap: .seconds(60), jitter: .full)
    package static let permanent = Backoff(base: .seconds(30), cap: .seconds(600), jitter: .equal)

    /// `min(cap, base * 2^(failures - 1))`: the table's middle columns.
    package func maximumDelay(afterFailures failures: Int) -> Duration {
        guard base > .zero, failures > 0 else { return .zero }
        var delay = base
        var doublings = failures - 1
        while doublings > 0, delay < cap {
            delay = delay * 2
            doublings -= 1
        }
        return min(delay, cap)
    }

    /// The jittered delay after `failures` consecutive failures.
    package func delay(afterFailures failures: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let maximum = maximumDelay(afterFailures: failures)
        switch jitter {
        case .full:
            return .random(upTo: maximum, using: &generator)
        case .equal:
            let half = maximum / 2
            return half + .random(upTo: maximum - half, using: &generator)
        }
    }
}
