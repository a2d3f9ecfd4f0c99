/// Body pieces a test releases to a streaming handler one at a time, so it decides when each is sent:
/// an SSE stream whose second event leaves only after the test saw the first one arrive.
///
/// One feed serves one response stream. Each piece goes out as one chunk (or one write for a
/// close-delimited body).
package final class StreamFeed: Sendable {
    private struct State {
        var pending: [[UInt8]] = []
        var finished = false
        var written = 0
    }

    private let state = Monitor(State())

    package init() {}

    /// Queues a piece for the handler to write.
    package func send(_ bytes: [UInt8]) {
        state.withLock { $0.pending.append(bytes) }
    }

    package func send(_ text: String) {
        send(Array(text.utf8))
    }

    /// Queues one server-sent event: `id:` (when given), one `data:` line per line of `data`, a blank line.
    package func sendEvent(_ data: String, id: String? = nil) {
        var event = id.map { "id: \($0)\n" } ?? ""
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            event += "data: \(line)\n"
        }
        send(event + "\n")
    }

    /// Ends the body once the queued pieces are written.
    package func finish() {
        state.withLock { $0.finished = true }
    }

    /// How many pieces the handler has written to the socket.
    package var writtenCount: Int { state.read(\.written) }

    /// Waits until the handler has written `count` pieces to the socket.
    package func waitUntilWritten(_ count: Int, timeout: Duration = .seconds(5)) throws {
        try state.wait(
            for: "\(count) pieces written", timeout: timeout,
            seen: { "\($0.written) written, \($0.pending.count) queued" }
        ) {
            $0.written >= count ? () : nil
        }
    }

    /// The next piece, or nil once finished; waits for the test, giving up on `cancellation` (`.closed`)
    /// or after `timeout`.
    func next(cancellation: Cancellation, timeout: Duration) throws -> [UInt8]? {
        cancellation.onCancel { [state] in state.wakeWaiters() }
        return try state.wait(
            for: "the test to send the next piece", timeout: timeout, seen: { "\($0.written) written" }
        ) {
            state -> [UInt8]?? in
            if cancellation.isCancelled { throw TestSupportError(.closed, "stream cancelled: connection closed") }
            if !state.pending.isEmpty { return .some(state.pending.removeFirst()) }
            return state.finished ? .some(nil) : nil
        }
    }

    func markWritten() {
        state.withLock { $0.written += 1 }
    }
}
