import Glibc
import TestSupport
import Testing

/// The `bearerd` command line: exit statuses, messages, `check`, `demo`.
@Suite struct CommandLineTests {
    static let canary = "canary-secret-7c1d0e9b4a"

    private func bearerd(_ arguments: [String], environment: [String: String] = [:]) throws -> ChildResult {
        try ChildProcess.run(
            try BearerdProcess.binaryPath(), arguments: arguments,
            environment: ChildProcess.defaultEnvironment(adding: environment))
    }

    @Test func versionNamesBearerdAndLibcurl() throws {
        let result = try bearerd(["version"])
        #expect(result.status == .exited(0))
        #expect(result.stdout.hasPrefix("bearerd "))
        #expect(result.stdout.contains("libcurl/"))
    }

    @Test func helpIsAvailableForEveryCommand() throws {
        #expect(try bearerd(["--help"]).stdout.contains("Commands:"))
        for command in ["run", "check", "demo", "version"] {
            let result = try bearerd([command, "--help"])
            #expect(result.status == .exited(0))
            #expect(result.stdout.contains("Usage: bearerd \(command)"))
        }
    }

    @Test func anUnknownCommandOrArgumentIsAUsageError() throws {
        let unknown = try bearerd(["serve"])
        #expect(unknown.status == .exited(2))
        #expect(unknown.stderr.contains("unknown command \"serve\""))
        #expect(try bearerd(["run", "--bogus"]).status == .exited(2))
        #expect(try bearerd([]).status == .exited(2))
    }

    @Test func checkPrintsWhatItUnderstoodAndNeverTheSecret() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-check")
        let path = try directory.write("bearerd.json5", """
            {
              listen: ["127.0.0.1:8750"],
              credentials: { brave: { source: "static", value: { env: "BRAVE_API_KEY" } } },
              routes: [{ path: "/brave/", upstream: "https://api.search.brave.com/res/v1/",
                         credential: "brave", header: "X-Subscription-Token", format: "{token}" }],
            }
            """)
        let result = try bearerd(["check", "--config", path], environment: ["BRAVE_API_KEY": Self.canary])
        #expect(result.status == .exited(0))
        #expect(result.stdout.contains("/brave/ -> https://api.search.brave.com/res/v1/"))
        #expect(result.stdout.contains("env BRAVE_API_KEY"))
        #expect(result.stdout.contains("valid"))
        #expect(!result.stdout.contains(Self.canary) && !result.stderr.contains(Self.canary))
    }

    @Test func checkNamesTheKeyPathOfAMistake() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-check")
        let path = try directory.write("bearerd.json5", """
            {
              credentials: { brave: { source: "static", value: { env: "BRAVE_API_KEY" } } },
              routes: [{ path: "/brave/", upstream: "https://api.search.brave.com/", credential: "brav" }],
            }
            """)
        let result = try bearerd(["check", "--config", path], environment: ["BRAVE_API_KEY": "x"])
        #expect(result.status == .exited(1))
        #expect(result.stderr.contains(#"routes[0].credential: no credential named "brav""#))
    }

    @Test func checkReportsAnUnsetEnvironmentVariable() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-check")
        let path = try directory.write("bearerd.json5", """
            { credentials: { k: { source: "static", value: { env: "NOT_SET_ANYWHERE" } } },
              routes: [{ path: "/k/", upstream: "https://example.com/", credential: "k" }] }
            """)
        let result = try bearerd(["check", "--config", path])
        #expect(result.status == .exited(1))
        #expect(result.stderr.contains(#"credentials.k.value.env: environment variable "NOT_SET_ANYWHERE" is not set"#))
    }

    @Test func runRefusesAnInvalidConfigurationWithStatus2() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-run")
        let path = try directory.write("bearerd.json5", "{ listen: [\"127.0.0.1:0\"], routes: [ { path: } ] }")
        let result = try bearerd(["run", "--config", path])
        #expect(result.status == .exited(2))
        #expect(result.stderr.contains("line 1"))
        let missing = try bearerd(["run", "--config", directory.path("absent.json5")])
        #expect(missing.status == .exited(2))
        #expect(missing.stderr.contains("absent.json5"))
    }

    @Test func runExitsWith1WhenThePortIsTaken() throws {
        let holder = try TestUpstream()
        let directory = try TemporaryDirectory(prefix: "bearerd-run")
        let path = try directory.write("bearerd.json5", "{ listen: [\"127.0.0.1:\(holder.port)\"] }")
        let result = try bearerd(["run", "--config", path])
        #expect(result.status == .exited(1))
        #expect(result.stderr.contains("cannot listen on 127.0.0.1:\(holder.port)"))
    }

    @Test func sigtermStopsItWithStatus0() throws {
        let proxy = try ProxyFixture()
        try proxy.bearerd.signal(SIGTERM)
        #expect(try proxy.bearerd.waitForExit() == .exited(0))
    }

    @Test func theSecretNeverAppearsInTheLogs() throws {
        let upstream = try TestUpstream()
        let bearerd = try BearerdProcess.start(
            config: """
                { listen: ["127.0.0.1:0"], logLevel: "debug",
                  credentials: { main: { source: "static", value: { env: "TOKEN" } } },
                  routes: [{ path: "/api/", upstream: "\(upstream.baseURL)/", credential: "main" }] }
                """,
            environment: ["TOKEN": Self.canary])
        let client = try TestClient(port: try bearerd.port)
        #expect(try client.get("/api/x").status == 200)
        #expect(try client.get("/elsewhere").status == 404)
        try client.send("BROKEN\r\n\r\n")
        _ = try client.waitForClose()
        try bearerd.signal(SIGTERM)
        _ = try bearerd.waitForExit()
        #expect(!bearerd.output.contains(Self.canary))
        #expect(try upstream.waitForRequests(1)[0].header("Authorization") == "Bearer \(Self.canary)")
    }

    @Test func theDemoShowsTheInjectedCredentialMaskedAndItsGeneration() throws {
        let demo = try BearerdProcess.start(config: "", arguments: ["demo", "--listen", "127.0.0.1:0"])
        let port = try demo.port
        _ = try demo.waitForLines(in: .stdout, count: 1, timeout: .seconds(5)) { $0.contains("curl ") }
        #expect(demo.stdout.contains("curl \"http://127.0.0.1:\(port)/echo/hello?name=agent\""))
        let response = try TestClient(port: port).get("/echo/hello?name=agent")
        #expect(response.status == 200)
        let text = response.bodyText
        #expect(text.contains("\"target\": \"/hello?name=agent\""))
        let authorization = text.split(separator: "\n").first { $0.contains("\"Authorization\"") } ?? ""
        // "Bearer eyJh…9f3a": the first and last 4 characters of the issuer's JWT, nothing in between.
        #expect(authorization.contains("\"Bearer eyJh…"))
        #expect(authorization.count < 60)
        #expect(text.contains("\"tokenGeneration\": 1"))
    }
}
