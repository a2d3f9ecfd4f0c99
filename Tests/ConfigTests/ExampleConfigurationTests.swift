import Config
import Testing
import TokenCore

@Suite struct ExampleConfigurationTests {
    @Test func theExampleFileParsesToTheExpectedModel() throws {
        let result = try #require(parsed(exampleConfiguration))
        let configuration = result.configuration
        #expect(
            configuration.listeners == [
                .tcp(host: .ipv4([127, 0, 0, 1]), port: 8750), .unix(path: "/run/bearerd/agent.sock", mode: 0o660),
            ])
        #expect(configuration.allowedHosts == ["devbox.local"])
        #expect(configuration.logLevel == .info)
        #expect(
            configuration.limits == Limits(requestLine: 8192, headerBytes: 65536, headerCount: 100, body: 134_217_728))
        #expect(
            configuration.timeouts
                == Timeouts(
                    connect: .seconds(10), response: .seconds(600), idle: .seconds(300), clientIdle: .seconds(300),
                    clientHeader: .seconds(60)))
        #expect(
            configuration.credentials == [
                CredentialDefinition(
                    name: "brave",
                    source: .static(
                        StaticCredentialSource(
                            value: SecretReference(
                                .environment("BRAVE_API_KEY"),
                                at: ConfigurationPath([.key("credentials"), .key("brave"), .key("value")]))))),
                CredentialDefinition(
                    name: "demo",
                    source: .static(
                        StaticCredentialSource(
                            value: SecretReference(
                                .literal(Secret("literal-only-for-demos")),
                                at: ConfigurationPath([.key("credentials"), .key("demo"), .key("value")])))),
                    ttl: .seconds(600)),
                CredentialDefinition(
                    name: "k8s", source: .file(FileCredentialSource(path: "/var/run/secrets/tokens/api"))),
            ])
        #expect(
            configuration.routes == [
                RouteDefinition(
                    path: "/anthropic/",
                    upstream: UpstreamURL(
                        scheme: .https, host: "api.anthropic.com", port: 443, basePath: "/",
                        original: "https://api.anthropic.com/"),
                    credential: "k8s", header: "x-api-key", format: HeaderTemplate(parts: [.token]),
                    headers: [HeaderField(name: "anthropic-version", value: "2023-06-01")]),
                RouteDefinition(
                    path: "/brave/",
                    upstream: UpstreamURL(
                        scheme: .https, host: "api.search.brave.com", port: 443, basePath: "/res/v1/",
                        original: "https://api.search.brave.com/res/v1/"),
                    credential: "brave", header: "X-Subscription-Token", format: HeaderTemplate(parts: [.token]),
                    caFile: "/etc/ssl/custom-ca.pem", allowedOrigins: [.origin("https://app.example.com")],
                    proxy: ProxyURL(scheme: .http, host: "proxy.corp", port: 3128, original: "http://proxy.corp:3128"),
                    timeouts: RouteTimeouts(response: .seconds(1800))),
            ])
    }

    @Test func theExampleWarnsAboutItsInlineLiteralAndItsUnusedCredential() throws {
        let warnings = try #require(parsed(exampleConfiguration)).warnings
        #expect(
            warnings.map(\.description) == [
                #"line 10, column 5: credentials.demo: not used by any route"#,
                "line 10, column 32: credentials.demo.value: inline secret literal; "
                    + "use { env }, { file } or { systemd }",
            ])
    }

    @Test func theSummaryListsWhatWasUnderstoodWithoutSecrets() throws {
        let lines = try #require(parsed(exampleConfiguration)).configuration.summaryLines()
        #expect(
            lines == [
                "listen     127.0.0.1:8750, unix:/run/bearerd/agent.sock (mode 0660)",
                "hosts      localhost, 127.0.0.1, [::1], devbox.local",
                "log level  info",
                "limits     request line 8KiB, header 64KiB in 100 fields, body 128MiB, replayed after a 401 up to 1MiB",
                "timeouts   connect 10s, response 10m, idle 5m, client idle 5m, client header 1m",
                "service    ready when credentials (at most 1m), stop grace 30s",
                "credential brave  static, value from env BRAVE_API_KEY",
                "credential demo   static, value inline literal (22 bytes), ttl 10m",
                "credential k8s    file /var/run/secrets/tokens/api",
                "route /anthropic/ -> https://api.anthropic.com/  credential k8s  header x-api-key: {token}"
                    + "  +1 fixed header",
                "route /brave/ -> https://api.search.brave.com/res/v1/  credential brave"
                    + "  header X-Subscription-Token: {token}"
                    + "  ca /etc/ssl/custom-ca.pem  origins https://app.example.com  proxy http://proxy.corp:3128"
                    + "  timeouts response 30m",
            ])
        #expect(!lines.joined().contains("literal-only-for-demos"))
    }
}
