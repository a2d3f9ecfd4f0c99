import Glibc
import TestSupport

/// bearerd running in front of one test upstream, with one route `/api/` -> `<upstream>/v1/` and a
/// static credential taken from the environment.
struct ProxyFixture {
    static let token = "test-token-5f0c2a9e7d41b3c8"

    let upstream: any LoopbackPeer
    let bearerd: BearerdProcess

    /// - Parameters:
    ///   - route: extra keys for the route, e.g. `header: "x-api-key", format: "{token}"`.
    ///   - top: extra top-level keys, e.g. `limits: { body: 1024 }`.
    ///   - upstreamURL: the route's upstream instead of `<upstream>/v1/`.
    ///   - routes: the whole route list instead of the one route.
    init(
        upstream: (any LoopbackPeer)? = nil, route: String = "", top: String = "",
        upstreamURL: String? = nil, routes: String? = nil, environment: [String: String] = [:]
    ) throws {
        let upstream = try upstream ?? TestUpstream()
        self.upstream = upstream
        let target = upstreamURL ?? "\(upstream.baseURL)/v1/"
        bearerd = try BearerdProcess.start(
            config: """
                {
                  listen: ["127.0.0.1:0"],
                  credentials: { main: { source: "static", value: { env: "BEARERD_TEST_TOKEN" } } },
                  routes: \(routes ?? #"[{ path: "/api/", upstream: "\#(target)", credential: "main", \#(route) }]"#),
                  \(top)
                }
                """,
            environment: ["BEARERD_TEST_TOKEN": Self.token].merging(environment) { $1 })
    }

    func client() throws -> TestClient {
        try TestClient(port: bearerd.port)
    }

    /// The one request the upstream received.
    func onlyRequest() throws -> ReceivedRequest {
        let requests = try upstream.waitForRequests(1)
        return requests[0]
    }
}

extension [HeaderField] {
    /// Names in order, lower-cased.
    var lowercasedNames: [String] { map { $0.name.lowercased() } }
}
