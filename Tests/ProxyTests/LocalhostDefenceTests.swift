import TestSupport
import Testing

/// Any web page can make the browser send requests to 127.0.0.1. bearerd refuses what a browser sends
/// on a page's behalf, before anything reaches the upstream.
@Suite struct LocalhostDefenceTests {
    @Test(arguments: ["evil.example", "evil.example:8750", "127.0.0.1.evil.example", "localhost.:1"])
    func aHostThatIsNotTheListenerIsRefused(host: String) throws {
        let proxy = try ProxyFixture()
        let response = try proxy.client().get("/api/x", headers: [HeaderField("Host", host)])
        #expect(response.status == 403)
        #expect(response.bodyText.contains(#""type":"forbidden_host""#))
        #expect(proxy.upstream.requests.isEmpty)
    }

    @Test func theListenerNamesAndConfiguredHostsAreAccepted() throws {
        let proxy = try ProxyFixture(top: #"allowedHosts: ["devbox.local"]"#)
        let port = try proxy.bearerd.port
        let client = try proxy.client()
        for host in ["localhost:\(port)", "127.0.0.1:\(port)", "LOCALHOST:\(port)", "localhost", "devbox.local:\(port)"] {
            #expect(try client.get("/api/x", headers: [HeaderField("Host", host)]).status == 200, "\(host)")
        }
        #expect(try client.get("/api/x", headers: [HeaderField("Host", "127.0.0.1:\(port + 1)")]).status == 403)
    }

    @Test func aBrowserOriginIsRefusedUnlessTheRouteAllowsIt() throws {
        let proxy = try ProxyFixture(route: #"allowedOrigins: ["https://app.example.com"]"#)
        let client = try proxy.client()
        let refused = try client.get("/api/x", headers: [HeaderField("Origin", "https://evil.example")])
        #expect(refused.status == 403)
        #expect(refused.bodyText.contains(#""type":"forbidden_origin""#))
        #expect(proxy.upstream.requests.isEmpty)
        let allowed = try client.get("/api/x", headers: [HeaderField("Origin", "https://app.example.com")])
        #expect(allowed.status == 200)
    }

    @Test(arguments: ["cross-site", "same-site"])
    func aCrossSiteFetchWithoutOriginIsRefused(site: String) throws {
        let proxy = try ProxyFixture()
        let response = try proxy.client().get("/api/x", headers: [HeaderField("Sec-Fetch-Site", site)])
        #expect(response.status == 403)
        #expect(proxy.upstream.requests.isEmpty)
    }

    @Test func aPathWithoutARouteGets404JSON() throws {
        let proxy = try ProxyFixture()
        let response = try proxy.client().get("/nothing/here")
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.bodyText.contains(#""type":"route_not_found""#))
    }

    @Test func theLongestPrefixWinsAndThePrefixWithoutSlashMapsToTheBase() throws {
        let other = try TestUpstream()
        let proxy = try ProxyFixture(routes: """
            [
              { path: "/api/", upstream: "\(try TestUpstream().baseURL)/", credential: "main" },
              { path: "/api/files/", upstream: "\(other.baseURL)/storage/", credential: "main" },
            ]
            """)
        let client = try proxy.client()
        #expect(try client.get("/api/files/a.txt?v=1").status == 200)
        #expect(try other.waitForRequests(1)[0].target == "/storage/a.txt?v=1")
        #expect(try client.get("/api/files").status == 200)
        #expect(try other.waitForRequests(2)[1].target == "/storage")
    }
}
