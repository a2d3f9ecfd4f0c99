import Config
import Testing

@Suite struct DefaultsTests {
    @Test func anEmptyObjectGivesTheDefaultsAndWarnsThatNothingIsRouted() throws {
        let result = try #require(parsed("{}"))
        #expect(result.configuration == Configuration())
        #expect(result.configuration.listeners == [.tcp(host: .ipv4([127, 0, 0, 1]), port: 8750)])
        #expect(result.configuration.logLevel == .info)
        #expect(
            result.configuration.limits
                == Limits(requestLine: 8192, headerBytes: 65536, headerCount: 100, body: 134_217_728))
        #expect(
            result.configuration.timeouts
                == Timeouts(
                    connect: .seconds(10), response: .seconds(600), idle: .seconds(300), clientIdle: .seconds(300),
                    clientHeader: .seconds(60)))
        #expect(result.warnings.map(\.description) == ["line 1, column 1: routes: no routes; every request gets 404"])
    }

    @Test func aRouteWithOnlyRequiredKeysInjectsAuthorizationWithTypeAndToken() throws {
        let route = try #require(onlyRoute(configuration()))
        #expect(route.header == "Authorization")
        #expect(route.format == HeaderTemplate(parts: [.type, .literal(" "), .token]))
        #expect(route.format.description == "{type} {token}")
        #expect(route.headers.isEmpty)
        #expect(route.caFile == nil)
        #expect(route.allowedOrigins.isEmpty)
        #expect(route.proxy == nil)
        #expect(route.timeouts == RouteTimeouts())
    }

    @Test func aCredentialWithOnlyItsSourceIsABearerTokenRefreshedAtEightyPercent() throws {
        let credential = try #require(parsed(configuration())?.configuration.credentials.first)
        #expect(credential.type == "Bearer")
        #expect(credential.ttl == nil)
        #expect(credential.refreshAt == 0.8)
    }

    @Test func partialLimitsAndTimeoutsKeepTheDefaultsOfTheKeysLeftOut() throws {
        let configuration = try #require(
            parsed(#"{ limits: { body: "1GiB" }, timeouts: { idle: 30 } }"#)?.configuration)
        #expect(configuration.limits == Limits(requestLine: 8192, headerBytes: 65536, headerCount: 100, body: 1 << 30))
        #expect(configuration.timeouts.idle == .seconds(30))
        #expect(configuration.timeouts.connect == .seconds(10))
    }

    @Test func aRoutesOwnTimeoutsOverrideTheGlobalOnesOneByOne() throws {
        let text = configuration(route: #", timeouts: { response: "30m" }"#, top: #"timeouts: { connect: "3s" }"#)
        let configuration = try #require(parsed(text)?.configuration)
        let resolved = try #require(configuration.routes.first).timeouts.resolved(with: configuration.timeouts)
        #expect(resolved.connect == .seconds(3))
        #expect(resolved.response == .seconds(1800))
        #expect(resolved.idle == .seconds(300))
    }

    @Test func credentialsAreSortedByNameAndRoutesKeepFileOrder() throws {
        let text = """
            {
              credentials: { zeta: { source: "file", path: "/z" }, alpha: { source: "file", path: "/a" } },
              routes: [
                { path: "/z/", upstream: "https://z.example/", credential: "zeta" },
                { path: "/a/", upstream: "https://a.example/", credential: "alpha" },
              ],
            }
            """
        let configuration = try #require(parsed(text)?.configuration)
        #expect(configuration.credentials.map(\.name) == ["alpha", "zeta"])
        #expect(configuration.routes.map(\.path) == ["/z/", "/a/"])
        #expect(configuration.credential(named: "zeta")?.source == .file(FileCredentialSource(path: "/z")))
    }

    @Test func twoParsesOfTheSameFileAreEqualAndAChangedCredentialIsNot() throws {
        let first = try #require(parsed(exampleConfiguration)).configuration
        let again = try #require(parsed(exampleConfiguration)).configuration
        #expect(first == again)
        let changed = exampleConfiguration.replacing("literal-only-for-demos", with: "literal-only-for-demoz")
        let other = try #require(parsed(changed)).configuration
        #expect(first.credential(named: "demo") != other.credential(named: "demo"))
        #expect(first.credential(named: "brave") == other.credential(named: "brave"))
    }
}
