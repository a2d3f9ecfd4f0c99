import CLinux
import Glibc

/// Accepts TCP connections on 127.0.0.1 (port 0, the port read back from the socket) and serves each
/// on its own thread, recording requests, errors and who closed each connection.
///
/// A second thread per connection polls for POLLRDHUP, so a close by the peer is seen even while the
/// connection's thread is blocked in a handler (say, an SSE stream waiting for the test); that is how
/// a test proves bearerd dropped an upstream connection after its client went away. The watcher is
/// woken through an eventfd when we close, not by a shutdown, so that a scripted reset stays a bare RST.
package final class LoopbackServer: Sendable {
    package let port: UInt16
    private let listener: SocketHandle
    let state = Monitor(State())

    struct Connection {
        let id: Int
        let socket: SocketHandle
        let cancellation: Cancellation
        /// An eventfd that wakes the watcher when our side closes.
        let wake: Int32
        var closedByPeer = false
        /// Our side is closing it: a hang-up seen from now on is ours, not the peer's.
        var closing = false
        var watcherDone = false
        var closed = false
    }

    struct State {
        var connections: [Connection] = []
        var requests: [ReceivedRequest] = []
        var errors: [String] = []
        var stopping = false
        var liveThreads = 0
    }

    /// Starts listening and accepting; `serve` runs once per connection on the connection's thread
    /// and the connection is closed when it returns or throws.
    init(serve: @escaping @Sendable (ServerConnection) throws -> Void) throws {
        (listener, port) = try Socket.listenOnLoopback()
        state.withLock { $0.liveThreads = 1 }
        try startThread { [self] in acceptConnections(serve: serve) }
    }

    /// Stops accepting, shuts every connection down, cancels waiting handlers and waits (up to 2 s)
    /// for the threads to finish. Idempotent.
    package func stop() {
        let connections = state.withLock { state -> [Connection] in
            state.stopping = true
            return state.connections.filter { !$0.closed }
        }
        listener.shutdown()
        for connection in connections {
            connection.socket.shutdown()
            connection.cancellation.cancel()
        }
        _ = try? state.wait(for: "threads to end", timeout: .seconds(2), seen: { _ in "" }) { state in
            state.liveThreads == 0 ? true : nil
        }
    }

    private func acceptConnections(serve: @escaping @Sendable (ServerConnection) throws -> Void) {
        defer {
            listener.close()
            state.withLock { $0.liveThreads -= 1 }
        }
        while true {
            let fd: Int32
            do {
                guard let accepted = try Socket.accept(listener) else { return }
                fd = accepted
            } catch {
                recordError("\(error)")
                return
            }
            let socket = SocketHandle(fd)
            let wake = eventfd(0, Int32(EFD_CLOEXEC))
            guard wake >= 0 else {
                recordError("\(TestSupportError.system("eventfd"))")
                return
            }
            let connection = state.withLock { state -> Connection? in
                guard !state.stopping else { return nil }
                let connection = Connection(
                    id: state.connections.count + 1, socket: socket, cancellation: Cancellation(), wake: wake
                )
                state.connections.append(connection)
                state.liveThreads += 2
                return connection
            }
            guard let connection else {
                socket.close()
                close(wake)
                return
            }
            start(connection, serve: serve)
        }
    }

    private func start(_ connection: Connection, serve: @escaping @Sendable (ServerConnection) throws -> Void) {
        do {
            try startThread { [self] in watchForHangUp(connection) }
        } catch {
            recordError("\(error)")
            state.withLock {
                $0.connections[connection.id - 1].watcherDone = true
                $0.liveThreads -= 1
            }
        }
        do {
            try startThread { [self] in run(connection, serve: serve) }
        } catch {
            recordError("\(error)")
            finish(connection)
        }
    }

    private func run(_ record: Connection, serve: (ServerConnection) throws -> Void) {
        let connection = ServerConnection(
            id: record.id, socket: record.socket, cancellation: record.cancellation, server: self
        )
        do {
            try serve(connection)
        } catch let error as TestSupportError where error.kind == .closed {
            notePeerClosed(connection: record.id)
        } catch {
            if !state.read(\.stopping) { recordError("connection \(record.id): \(error)") }
        }
        finish(record)
    }

    /// Closes our side once the watcher has let go of the descriptor, so the number is not reused
    /// under its poll.
    private func finish(_ connection: Connection) {
        state.withLock { $0.connections[connection.id - 1].closing = true }
        var one: UInt64 = 1
        _ = write(connection.wake, &one, 8)
        _ = try? state.wait(for: "the watcher", timeout: .seconds(5), seen: { _ in "" }) { state in
            state.connections[connection.id - 1].watcherDone ? true : nil
        }
        connection.socket.close()
        close(connection.wake)
        state.withLock {
            $0.connections[connection.id - 1].closed = true
            $0.liveThreads -= 1
        }
        connection.cancellation.cancel()
    }

    /// POLLRDHUP (peer sent FIN), POLLHUP or POLLERR (reset) mean the peer closed, unless we are
    /// closing or stopping: the wake-up and our own shutdown end this poll too.
    private func watchForHangUp(_ connection: Connection) {
        let pollReadHangUp: Int16 = 0x2000  // POLLRDHUP: _GNU_SOURCE only, so not in the Glibc module
        var entries = [
            pollfd(fd: connection.socket.fd, events: pollReadHangUp, revents: 0),
            pollfd(fd: connection.wake, events: Int16(POLLIN), revents: 0),
        ]
        while poll(&entries, 2, -1) < 0 && errno == EINTR {}
        let byPeer = state.withLock { state in
            let byPeer = !state.connections[connection.id - 1].closing && !state.stopping
            if byPeer { state.connections[connection.id - 1].closedByPeer = true }
            state.connections[connection.id - 1].watcherDone = true
            state.liveThreads -= 1
            return byPeer
        }
        if byPeer { connection.cancellation.cancel() }
    }

    func notePeerClosed(connection id: Int) {
        state.withLock { state in
            if !state.stopping && !state.connections[id - 1].closing {
                state.connections[id - 1].closedByPeer = true
            }
        }
    }

    func record(_ request: ReceivedRequest) {
        state.withLock { $0.requests.append(request) }
    }

    func recordError(_ message: String) {
        state.withLock { $0.errors.append(message) }
    }
}
