import HTTP1

/// The part of the configuration a request reads, as one immutable snapshot: a reload swaps the
/// snapshot, and requests already running keep the one they started with.
package final class ProxySettings {
    package let routes: RouteTable
    package let limits: HTTPParserLimits
    /// Extra `Host` names accepted besides localhost, 127.0.0.1 and [::1] (lower-cased).
    package let allowedHosts: [String]
    package let clientTimeouts: ClientTimeouts
    /// The largest request body kept for a replay after a 401.
    package let replayBodyLimit: Int

    package init(
        routes: RouteTable, limits: HTTPParserLimits, allowedHosts: [String], clientTimeouts: ClientTimeouts,
        replayBodyLimit: Int = 1 << 20
    ) {
        self.routes = routes
        self.limits = limits
        self.replayBodyLimit = replayBodyLimit
        self.allowedHosts = ["localhost", "127.0.0.1", "[::1]"] + allowedHosts.map { $0.lowercased() }
        self.clientTimeouts = clientTimeouts
    }
}

/// How long a client connection may take.
package struct ClientTimeouts: Sendable, Equatable {
    /// An idle keep-alive connection is closed after this.
    package var idle: Duration
    /// A request head must be complete this long after its first byte (slow-loris defence).
    package var head: Duration

    package init(idle: Duration = .seconds(300), head: Duration = .seconds(60)) {
        self.idle = idle
        self.head = head
    }
}
