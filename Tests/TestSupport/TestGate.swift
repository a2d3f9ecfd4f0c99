/// A pause in a scripted peer that the test releases: the peer waits at the gate until `open()`.
/// Once open it stays open. A test can also wait until a peer has reached the gate.
package final class TestGate: Sendable {
    private struct State {
        var isOpen = false
        var arrivals = 0
    }

    private let state = Monitor(State())

    package init() {}

    package func open() {
        state.withLock { $0.isOpen = true }
    }

    package var isOpen: Bool { state.read(\.isOpen) }

    /// Waits until `count` peers have arrived at the gate (waiting there, or passed it when open).
    package func waitUntilReached(_ count: Int = 1, timeout: Duration = .seconds(5)) throws {
        try state.wait(for: "\(count) arrivals at the gate", timeout: timeout, seen: { "\($0.arrivals) arrived" }) {
            $0.arrivals >= count ? () : nil
        }
    }

    /// Used by the peer: arrives and waits until open, giving up on `cancellation` (`.closed`).
    func pass(cancellation: Cancellation, timeout: Duration) throws {
        cancellation.onCancel { [state] in state.wakeWaiters() }
        state.withLock { $0.arrivals += 1 }
        try state.wait(for: "the test to open the gate", timeout: timeout, seen: { _ in "still closed" }) { state in
            if cancellation.isCancelled { throw TestSupportError(.closed, "gate wait cancelled: connection closed") }
            return state.isOpen ? () : nil
        }
    }
}
