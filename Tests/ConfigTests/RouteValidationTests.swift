import Config
import Testing

@Suite struct RouteValidationTests {
    @Test func aRouteNamingAnUndefinedCredentialGetsADidYouMean() {
        #expect(
            pathsAndMessages(configuration(credential: #""apj""#)) == [
                #"routes[0].credential: no credential named "apj"; did you mean "api"?"#
            ])
        #expect(
            pathsAndMessages(configuration(credential: #""github""#)) == [
                #"routes[0].credential: no credential named "github""#
            ])
    }

    @Test func twoRoutesWithTheSamePathAfterNormalizationAreAnError() {
        let text = """
            {
              credentials: { c: { source: "file", path: "/c" } },
              routes: [
                { path: "/a", upstream: "https://a.example/", credential: "c" },
                { path: "/", upstream: "https://b.example/", credential: "c" },
                { path: "/a/", upstream: "https://c.example/", credential: "c" },
              ],
            }
            """
        #expect(
            problems(text).map(\.description) == [
                #"line 6, column 7: routes[2].path: "/a/" is already the path of routes[0]"#
            ])
    }

    @Test func nestedPrefixesAreAllowed() throws {
        let text = """
            {
              credentials: { c: { source: "file", path: "/c" } },
              routes: [
                { path: "/", upstream: "https://a.example/", credential: "c" },
                { path: "/api", upstream: "https://b.example/", credential: "c" },
              ],
            }
            """
        #expect(try #require(parsed(text)).configuration.routes.map(\.path) == ["/", "/api/"])
    }

    @Test(arguments: [
        (#""api/""#, #"must start with "/""#),
        (#""/a?b/""#, #"must not contain "?""#),
        (#""/a#b/""#, ##"must not contain "#""##),
        (#""/a%20b/""#, #"must not contain "%""#),
        (#""/a/../b/""#, #"must not contain "." or ".." segments"#),
        (#""/a/./b""#, #"must not contain "." or ".." segments"#),
        (#""/a b/""#, "must be visible ASCII (no spaces or control characters)"),
        (#""/a\u0001/""#, "must be visible ASCII (no spaces or control characters)"),
        (#""/é/""#, "must be visible ASCII (no spaces or control characters)"),
    ])
    func aBadRoutePathIsRefused(path: String, message: String) {
        #expect(pathsAndMessages(configuration(path: path)) == ["routes[0].path: \(message)"])
    }

    @Test func anUpstreamIsSplitIntoSchemeHostPortAndBasePath() throws {
        let cases: [(String, UpstreamURL)] = [
            (
                "https://API.Example.com",
                UpstreamURL(
                    scheme: .https, host: "api.example.com", port: 443, basePath: "/",
                    original: "https://API.Example.com")
            ),
            (
                "http://a.example:8080/v1",
                UpstreamURL(
                    scheme: .http, host: "a.example", port: 8080, basePath: "/v1/", original: "http://a.example:8080/v1"
                )
            ),
            (
                "HTTPS://[::1]:8443/x/y/",
                UpstreamURL(
                    scheme: .https, host: "[::1]", port: 8443, basePath: "/x/y/", original: "HTTPS://[::1]:8443/x/y/")
            ),
            (
                "http://10.0.0.1/a%2Fb/",
                UpstreamURL(
                    scheme: .http, host: "10.0.0.1", port: 80, basePath: "/a%2Fb/", original: "http://10.0.0.1/a%2Fb/")
            ),
        ]
        for (text, expected) in cases {
            let route = try #require(onlyRoute(configuration(upstream: "\"\(text)\"")))
            #expect(route.upstream == expected)
        }
        #expect(
            UpstreamURL(scheme: .https, host: "[::1]", port: 8443, basePath: "/", original: "").description
                == "https://[::1]:8443/")
    }

    @Test(arguments: [
        ("ftp://files.example/", #"scheme "ftp" is not supported; use http or https"#),
        (
            "https://user:hunter2@api.example/",
            "must not contain a user name or password; a route injects its credential"
        ),
        ("https://api.example/?key=1", #"must not have a query ("?...")"#),
        ("https://api.example/#top", ##"must not have a fragment ("#...")"##),
        ("https:///path", "the host is missing"),
        ("api.example.com", #"expected an absolute URL like "https://api.example.com/""#),
        ("https://api.example:0/", "the port must be a number 1...65535"),
        ("https://api.example:99999/", "the port must be a number 1...65535"),
        ("https://api.example:/", "the port must be a number 1...65535"),
        ("https://[fe80::1/", "invalid IPv6 address in the host"),
        ("https://bücher.example/", "write an international host name in its ASCII form (xn--...)"),
        ("https://a_b!.example/", "invalid host name"),
        ("https://api.example/a b/", "the path must be visible ASCII; percent-encode other characters"),
        ("https://api.example/a%zz/", #"the path has a "%" that is not followed by two hexadecimal digits"#),
        ("https://api.example/../", #"must not contain "." or ".." segments"#),
    ])
    func aBadUpstreamIsRefusedWithoutQuotingIt(upstream: String, message: String) {
        let errors = problems(configuration(upstream: "\"\(upstream)\""))
        #expect(errors.map { "\($0.path): \($0.message)" } == ["routes[0].upstream: \(message)"])
        #expect(!"\(ConfigurationErrors(errors))".contains("hunter2"))
    }

    @Test(arguments: [
        (#""Connection""#, #""Connection" is a hop-by-hop or framing header; it cannot be set"#),
        (#""transfer-encoding""#, #""transfer-encoding" is a hop-by-hop or framing header; it cannot be set"#),
        (#""TE""#, #""TE" is a hop-by-hop or framing header; it cannot be set"#),
        (#""Proxy-Authorization""#, #""Proxy-Authorization" is a hop-by-hop or framing header; it cannot be set"#),
        (#""Host""#, #""Host" is a hop-by-hop or framing header; it cannot be set"#),
        (#""Content-Length""#, #""Content-Length" is a hop-by-hop or framing header; it cannot be set"#),
        (#""X Api Key""#, #""X Api Key" is not a valid header name"#),
        (#""x-api-key:""#, #""x-api-key:" is not a valid header name"#),
        (#""""#, #""" is not a valid header name"#),
    ])
    func aHeaderThatCannotBeInjectedIsRefused(header: String, message: String) {
        #expect(pathsAndMessages(configuration(route: ", header: \(header)")) == ["routes[0].header: \(message)"])
    }

    @Test func aFormatIsParsedIntoParts() throws {
        let route = try #require(onlyRoute(configuration(route: #", format: "token={token}; scheme={type}""#)))
        #expect(route.format.parts == [.literal("token="), .token, .literal("; scheme="), .type])
        #expect(route.format.description == "token={token}; scheme={type}")
    }

    @Test(arguments: [
        (#""Bearer""#, "must contain {token}"),
        (#""{type}""#, "must contain {token}"),
        (#""{tokn}""#, #"unknown placeholder "{tokn}"; did you mean "{token}"? (known: {token}, {type})"#),
        (#""{token} {user}""#, #"unknown placeholder "{user}" (known: {token}, {type})"#),
        (#""{token} {sk-live-0123456789abcdefghij}""#, "unknown placeholder (known: {token}, {type})"),
        (#""{token""#, #"unclosed "{""#),
        (#""{token}\r\nX-Evil: 1""#, "must not contain CR, LF or NUL"),
        (#""{token}\u00e9""#, "may contain only visible ASCII, space and tab"),
    ])
    func aBadFormatIsRefused(format: String, message: String) {
        #expect(pathsAndMessages(configuration(route: ", format: \(format)")) == ["routes[0].format: \(message)"])
    }

    @Test func fixedHeadersKeepTheOrderWritten() throws {
        let route = try #require(
            onlyRoute(configuration(route: #", headers: { "z-last": "1", "a-first": "2", m: "3 \t x" }"#)))
        #expect(
            route.headers == [
                HeaderField(name: "z-last", value: "1"), HeaderField(name: "a-first", value: "2"),
                HeaderField(name: "m", value: "3 \t x"),
            ])
    }

    @Test func badFixedHeadersAreAllReported() {
        let text = configuration(
            route: #", headers: { "Host": "x", "a b": "1", ok: "line\nbreak", "X-A": "1", "x-a": "2", n: 4 }"#)
        #expect(
            pathsAndMessages(text) == [
                #"routes[0].headers.Host: "Host" is a hop-by-hop or framing header; it cannot be set"#,
                #"routes[0].headers["a b"]: "a b" is not a valid header name"#,
                "routes[0].headers.ok: the value may contain only visible ASCII, space and tab",
                #"routes[0].headers.x-a: the same header as "X-A""#,
                "routes[0].headers.n: expected a string",
            ])
    }

    @Test func aFixedHeaderMustNotSetTheInjectedHeader() {
        #expect(
            pathsAndMessages(configuration(route: #", headers: { authorization: "x" }"#)) == [
                #"routes[0].headers.authorization: conflicts with the injected header "Authorization""#
            ])
        #expect(
            pathsAndMessages(configuration(route: #", header: "X-Key", headers: { "x-key": "x" }"#)) == [
                #"routes[0].headers.x-key: conflicts with the injected header "X-Key""#
            ])
    }

    @Test func allowedOriginsAreNormalizedAsBrowsersSendThem() throws {
        let text = configuration(
            route: #", allowedOrigins: ["HTTPS://App.Example.com:443", "http://localhost:5173", "http://a.example:80"]"#
        )
        #expect(
            try #require(onlyRoute(text)).allowedOrigins == [
                .origin("https://app.example.com"), .origin("http://localhost:5173"), .origin("http://a.example"),
            ])
    }

    @Test func badOriginsAreReportedEachAtItsIndex() {
        let text = configuration(
            route: #", allowedOrigins: ["https://app.example.com/", "app.example.com", "https://ok.example"]"#)
        #expect(
            pathsAndMessages(text) == [
                #"routes[0].allowedOrigins[0]: expected an origin like "https://app.example.com" or "*" "#
                    + #"(scheme, host and port only; no trailing "/")"#,
                #"routes[0].allowedOrigins[1]: expected an origin like "https://app.example.com" or "*""#,
            ])
    }

    @Test func anyOriginIsAllowedWithAWarning() throws {
        let result = try #require(parsed(configuration(route: #", allowedOrigins: ["https://a.example", "*"]"#)))
        #expect(result.configuration.routes.first?.allowedOrigins == [.origin("https://a.example"), .any])
        #expect(
            result.warnings.map { "\($0.path): \($0.message)" } == [
                #"routes[0].allowedOrigins[1]: "*" lets any web page send requests with this route's credential"#
            ])
    }

    @Test func aProxyIsSplitIntoSchemeHostAndPort() throws {
        let route = try #require(onlyRoute(configuration(route: #", proxy: "SOCKS5H://Proxy.corp:1080""#)))
        #expect(
            route.proxy
                == ProxyURL(scheme: .socks5h, host: "proxy.corp", port: 1080, original: "SOCKS5H://Proxy.corp:1080"))
        #expect(route.proxy?.description == "socks5h://proxy.corp:1080")
    }

    @Test(arguments: [
        (#""ftp://proxy:21""#, #"scheme "ftp" is not supported; use http, https, socks5 or socks5h"#),
        (#""http://user:secret@proxy:3128""#, "proxy credentials are not supported"),
        (#""http://proxy.corp""#, "a proxy URL needs a port, e.g. :3128"),
        (#""http://proxy.corp:3128/path""#, "a proxy URL has no path, query or fragment"),
        (#""proxy.corp:3128""#, #"expected a proxy URL like "http://proxy.example:3128""#),
    ])
    func aBadProxyIsRefused(proxy: String, message: String) {
        #expect(pathsAndMessages(configuration(route: ", proxy: \(proxy)")) == ["routes[0].proxy: \(message)"])
    }

    @Test func aRelativeCAFileIsRefused() {
        #expect(
            pathsAndMessages(configuration(route: #", caFile: "certs/ca.pem""#)) == [
                "routes[0].caFile: expected an absolute path"
            ])
    }

    @Test func aRouteMissingRequiredKeysReportsEachAtTheRoute() {
        let text = #"{ routes: [ { header: "x" } ] }"#
        #expect(
            problems(text).map(\.description) == [
                "line 1, column 13: routes[0].path: required key missing",
                "line 1, column 13: routes[0].upstream: required key missing",
                "line 1, column 13: routes[0].credential: required key missing",
            ])
    }

    @Test func problemsInSeveralRoutesAreAllReported() {
        let text = """
            {
              credentials: { c: { source: "file", path: "/c" } },
              routes: [
                { path: "/a/", upstream: "ftp://a/", credential: "c" },
                { path: "/b/", upstream: "https://b/", credential: "d" },
                { path: "/c/", upstream: "https://c/", credential: "c", header: "Host" },
              ],
            }
            """
        #expect(
            problems(text).map(\.description) == [
                #"line 4, column 20: routes[0].upstream: scheme "ftp" is not supported; use http or https"#,
                #"line 5, column 44: routes[1].credential: no credential named "d"; did you mean "c"?"#,
                #"line 6, column 61: routes[2].header: "Host" is a hop-by-hop or framing header; it cannot be set"#,
            ])
    }
}
