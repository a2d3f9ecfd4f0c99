import Synchronization

/// Set once when a peer's connection ends or its server stops, so that a handler waiting for the test
/// (a `StreamFeed`, a `TestGate`) gives up at once instead of at its timeout.
///
/// Hooks run outside the lock (they take the waiters' monitors), so no two locks are ever nested.
package final class Cancellation: Sendable {
    private struct State {
        var cancelled = false
        var hooks: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())

    package init() {}

    package var isCancelled: Bool { state.withLock { $0.cancelled } }

    package func cancel() {
        let hooks = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.cancelled else { return [] }
            state.cancelled = true
            defer { state.hooks = [] }
            return state.hooks
        }
        for hook in hooks { hook() }
    }

    /// Runs `hook` on cancellation (at once if already cancelled).
    package func onCancel(_ hook: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state in
            if !state.cancelled { state.hooks.append(hook) }
            return state.cancelled
        }
        if runNow { hook() }
    }
}
