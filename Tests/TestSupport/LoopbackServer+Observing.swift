/// What a test can see of a loopback server: connections, requests, errors, and waits on them.
extension LoopbackServer {
    /// One accepted connection as seen now.
    package struct ConnectionSummary: Sendable, Equatable, CustomStringConvertible {
        package var id: Int
        package var isOpen: Bool
        package var closedByPeer: Bool

        package init(id: Int, isOpen: Bool, closedByPeer: Bool) {
            self.id = id
            self.isOpen = isOpen
            self.closedByPeer = closedByPeer
        }

        package var description: String {
            switch (isOpen, closedByPeer) {
            case (true, false): "#\(id) open"
            case (true, true): "#\(id) closed by peer, closing here"
            case (false, true): "#\(id) closed by peer"
            case (false, false): "#\(id) closed here"
            }
        }
    }

    package var connections: [ConnectionSummary] { state.read(Self.summaries) }
    package var connectionsAccepted: Int { state.read { $0.connections.count } }
    package var connectionsOpen: Int { state.read { $0.connections.count { !$0.closed } } }
    package var requests: [ReceivedRequest] { state.read(\.requests) }
    /// Protocol violations, handler failures and system errors; empty in a test that went right.
    package var errors: [String] { state.read(\.errors) }

    /// Waits until at least `count` requests arrived; returns all of them.
    @discardableResult
    package func waitForRequests(_ count: Int, timeout: Duration = .seconds(5)) throws -> [ReceivedRequest] {
        try state.wait(for: "\(count) requests", timeout: timeout, seen: Self.requestsSeen) { state in
            state.requests.count >= count ? state.requests : nil
        }
    }

    /// Waits until at least `count` connections were accepted.
    package func waitForConnections(_ count: Int, timeout: Duration = .seconds(5)) throws {
        try state.wait(for: "\(count) connections", timeout: timeout, seen: Self.connectionsSeen) { state in
            state.connections.count >= count ? () : nil
        }
    }

    /// Waits until exactly `count` connections are open (accepted and not yet closed by either side).
    package func waitForOpenConnections(_ count: Int, timeout: Duration = .seconds(5)) throws {
        try state.wait(for: "\(count) open connections", timeout: timeout, seen: Self.connectionsSeen) { state in
            state.connections.count { !$0.closed } == count ? () : nil
        }
    }

    /// Waits until the peer (bearerd) closed connection `id` (FIN or RST).
    package func waitForPeerClose(connection id: Int, timeout: Duration = .seconds(5)) throws {
        let what = "connection #\(id) to be closed by the peer"
        try state.wait(for: what, timeout: timeout, seen: Self.connectionsSeen) { state in
            state.connections.indices.contains(id - 1) && state.connections[id - 1].closedByPeer ? () : nil
        }
    }

    /// Waits until the peer closed any connection; returns the lowest such id.
    @discardableResult
    package func waitForAnyPeerClose(timeout: Duration = .seconds(5)) throws -> Int {
        try state.wait(for: "a connection closed by the peer", timeout: timeout, seen: Self.connectionsSeen) { state in
            state.connections.first { $0.closedByPeer }?.id
        }
    }

    private static func summaries(_ state: State) -> [ConnectionSummary] {
        state.connections.map { ConnectionSummary(id: $0.id, isOpen: !$0.closed, closedByPeer: $0.closedByPeer) }
    }

    private static func connectionsSeen(_ state: State) -> String {
        let list = summaries(state).map(\.description).joined(separator: ", ")
        return "connections: [\(list)]; errors: \(state.errors)"
    }

    private static func requestsSeen(_ state: State) -> String {
        "saw \(state.requests.count): \(state.requests.map(\.description)); errors: \(state.errors)"
    }
}

/// A test peer built on a `LoopbackServer`; gives it the observing surface above.
package protocol LoopbackPeer: Sendable {
    var server: LoopbackServer { get }
}

extension LoopbackPeer {
    package var port: UInt16 { server.port }
    /// `127.0.0.1:<port>`, for a config's upstream and a Host header.
    package var address: String { "127.0.0.1:\(server.port)" }
    /// `http://127.0.0.1:<port>`.
    package var baseURL: String { "http://127.0.0.1:\(server.port)" }
    package var requests: [ReceivedRequest] { server.requests }
    package var errors: [String] { server.errors }
    package var connections: [LoopbackServer.ConnectionSummary] { server.connections }
    package var connectionsAccepted: Int { server.connectionsAccepted }
    package var connectionsOpen: Int { server.connectionsOpen }

    @discardableResult
    package func waitForRequests(_ count: Int, timeout: Duration = .seconds(5)) throws -> [ReceivedRequest] {
        try server.waitForRequests(count, timeout: timeout)
    }

    package func waitForConnections(_ count: Int, timeout: Duration = .seconds(5)) throws {
        try server.waitForConnections(count, timeout: timeout)
    }

    package func waitForOpenConnections(_ count: Int, timeout: Duration = .seconds(5)) throws {
        try server.waitForOpenConnections(count, timeout: timeout)
    }

    package func waitForPeerClose(connection id: Int, timeout: Duration = .seconds(5)) throws {
        try server.waitForPeerClose(connection: id, timeout: timeout)
    }

    @discardableResult
    package func waitForAnyPeerClose(timeout: Duration = .seconds(5)) throws -> Int {
        try server.waitForAnyPeerClose(timeout: timeout)
    }

    /// Stops the server (also done when the peer is deinitialised).
    package func stop() { server.stop() }
}
