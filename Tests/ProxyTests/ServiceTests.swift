import Glibc
import TestSupport
import Testing

/// bearerd as a systemd service: the exact sd_notify messages a test-owned NOTIFY_SOCKET receives,
/// socket activation, reload and graceful stop, against the real binary.
@Suite struct ServiceTests {
    private static func config(upstream: TestUpstream, extra: String = "", routes: String? = nil) -> String {
        """
        {
          listen: ["127.0.0.1:0"], logLevel: "debug", \(extra)
          credentials: { main: { source: "static", value: { env: "BEARERD_TEST_TOKEN" } } },
          routes: \(routes ?? #"[{ path: "/api/", upstream: "\#(upstream.baseURL)/", credential: "main" }]"#),
        }
        """
    }

    private static func start(
        _ config: String, notify: NotifySocket, environment: [String: String] = [:]
    ) throws -> BearerdProcess {
        try BearerdProcess.start(
            config: config,
            environment: ["NOTIFY_SOCKET": notify.path, "BEARERD_TEST_TOKEN": ProxyFixture.token].merging(environment) { $1 })
    }

    @Test func readyComesAfterTheFirstFetchWithAStatusLine() throws {
        let notify = try NotifySocket()
        let upstream = try TestUpstream()
        let bearerd = try Self.start(Self.config(upstream: upstream), notify: notify)
        let messages = try withExtendedLifetime(bearerd) { try notify.waitFor("READY=1") }
        #expect(messages.last == "READY=1\nSTATUS=1 route, 1/1 credentials valid")
        // Before it: only what systemd needs while the first token is fetched.
        for message in messages.dropLast() {
            #expect(message.hasPrefix("STATUS=starting: waiting for the first token of \"main\"")
                || message.hasPrefix("EXTEND_TIMEOUT_USEC="))
        }
    }

    @Test func aSlowIssuerExtendsTheStartTimeoutUntilTheFirstTokenArrives() throws {
        let notify = try NotifySocket()
        let gate = TestGate()
        let issuer = try TokenIssuer { _ in .hang(gate) }
        let upstream = try TestUpstream()
        let bearerd = try Self.start(
            """
            { listen: ["127.0.0.1:0"], readyTimeout: "20s",
              credentials: { slow: { source: "http", url: "\(issuer.url)" } },
              routes: [{ path: "/api/", upstream: "\(upstream.baseURL)/", credential: "slow" }] }
            """, notify: notify)
        let waiting = try notify.waitFor { $0.hasPrefix("EXTEND_TIMEOUT_USEC=") }
        #expect(waiting.contains("STATUS=starting: waiting for the first token of \"slow\""))
        let extended = try #require(waiting.last.flatMap { Int($0.dropFirst("EXTEND_TIMEOUT_USEC=".count)) })
        #expect(extended > 20_000_000 && extended <= 25_000_000)
        try issuer.waitForArrivals(1)
        #expect(!notify.received.contains { $0.hasPrefix("READY=1") })
        gate.open()
        let ready = try withExtendedLifetime(bearerd) { try notify.waitFor("READY=1") }
        #expect(ready.last == "READY=1\nSTATUS=1 route, 1/1 credentials valid")
    }

    @Test func readyWhenListeningDoesNotWaitForTokens() throws {
        let notify = try NotifySocket()
        let directory = try TemporaryDirectory(prefix: "bearerd-ready")
        let upstream = try TestUpstream()
        let bearerd = try Self.start(
            """
            { listen: ["127.0.0.1:0"], readyWhen: "listening",
              credentials: { k: { source: "file", path: "\(directory.path("absent"))" } },
              routes: [{ path: "/api/", upstream: "\(upstream.baseURL)/", credential: "k" }] }
            """, notify: notify)
        let first = try withExtendedLifetime(bearerd) { try notify.receive() }
        #expect(first?.hasPrefix("READY=1\nSTATUS=1 route, 0/1 credentials valid") == true)
    }

    @Test func theWatchdogIsPingedFromTheLoop() throws {
        let notify = try NotifySocket()
        let bearerd = try Self.start(
            Self.config(upstream: try TestUpstream()), notify: notify, environment: ["WATCHDOG_USEC": "200000"])
        try withExtendedLifetime(bearerd) {
            // Every 100 ms (half the interval): three pings within two seconds.
            for _ in 0..<3 { try notify.waitFor("WATCHDOG=1", timeout: .seconds(2)) }
        }
    }

    @Test func aValidReloadAppliesNewRoutesAndKeepsTheUnchangedCredential() throws {
        let notify = try NotifySocket()
        let upstream = try TestUpstream()
        let other = try TestUpstream()
        let bearerd = try Self.start(Self.config(upstream: upstream), notify: notify)
        try notify.waitFor("READY=1")
        try bearerd.writeConfig(Self.config(upstream: upstream, routes: """
            [{ path: "/api/", upstream: "\(upstream.baseURL)/", credential: "main" },
             { path: "/other/", upstream: "\(other.baseURL)/", credential: "main" }]
            """))
        try bearerd.signal(SIGHUP)
        let reload = try notify.waitFor("READY=1")
        let reloading = try #require(reload.first { $0.hasPrefix("RELOADING=1\n") })
        #expect(reloading.contains("\nMONOTONIC_USEC="))
        #expect(reload.last == "READY=1\nSTATUS=2 routes, 1/1 credentials valid")
        try bearerd.waitForLines(in: .stderr, count: 1) { $0.contains("configuration reloaded") }
        #expect(try TestClient(port: try bearerd.port).get("/other/x").status == 200)
        #expect(try other.waitForRequests(1)[0].header("Authorization") == "Bearer \(ProxyFixture.token)")
        #expect(bearerd.stderr.components(separatedBy: "token fetched credential=main").count == 2)
    }

    @Test func aReloadPicksUpARotatedIssuerSecretEvenWhenTheDefinitionIsUnchanged() throws {
        let notify = try NotifySocket()
        let directory = try TemporaryDirectory(prefix: "bearerd-rotate")
        let keyFile = try directory.write("license", "key-A\n")
        let issuer = try TokenIssuer { _ in .token(expiresIn: 3600) }
        let upstream = try TestUpstream()
        let config = """
            { listen: ["127.0.0.1:0"],
              credentials: { api: { source: "http", url: "\(issuer.url)", headers: { "X-License": { file: "\(keyFile)" } } } },
              routes: [{ path: "/api/", upstream: "\(upstream.baseURL)/", credential: "api" }] }
            """
        let bearerd = try Self.start(config, notify: notify)
        try notify.waitFor("READY=1")
        _ = try directory.write("license", "key-B\n")
        try bearerd.signal(SIGHUP)
        try notify.waitFor("READY=1")
        try issuer.waitForArrivals(2)
        #expect(issuer.requests.map { $0.header("X-License") } == ["key-A", "key-B"])
        #expect(try TestClient(port: try bearerd.port).get("/api/x").status == 200)
        #expect(try upstream.waitForRequests(1)[0].header("Authorization") == "Bearer \(issuer.token(2))")
    }

    @Test func anInvalidReloadKeepsTheRunningConfigurationAndSaysWhy() throws {
        let notify = try NotifySocket()
        let upstream = try TestUpstream()
        let bearerd = try Self.start(Self.config(upstream: upstream), notify: notify)
        try notify.waitFor("READY=1")
        try bearerd.writeConfig(Self.config(upstream: upstream, routes: """
            [{ path: "/api/", upstream: "\(upstream.baseURL)/", credential: "mian" }]
            """))
        try bearerd.signal(SIGHUP)
        let reload = try notify.waitFor("READY=1")
        let ready = try #require(reload.last)
        #expect(ready.hasPrefix("READY=1\nSTATUS=1 route, 1/1 credentials valid; reload failed: "))
        #expect(ready.contains(#"routes[0].credential: no credential named "mian""#))
        // Logged before READY=1 was sent; the pipe to the test may still be delivering it.
        try bearerd.waitForLines(in: .stderr, count: 1) { $0.contains("reload failed, keeping the running configuration") }
        #expect(try TestClient(port: try bearerd.port).get("/api/still").status == 200)
    }

    @Test func sigtermLetsAStreamInFlightFinishAndRefusesNewConnections() throws {
        let notify = try NotifySocket()
        let feed = StreamFeed()
        let upstream = try TestUpstream(handler: TestUpstream.serverSentEvents(feed))
        let bearerd = try Self.start(Self.config(upstream: upstream), notify: notify)
        try notify.waitFor("READY=1")
        let port = try bearerd.port
        let client = try TestClient(port: port)
        try client.sendRequest("GET", "/api/stream")
        feed.sendEvent("before")
        _ = try client.readResponseHead()
        _ = try client.readChunk()
        try bearerd.signal(SIGTERM)
        let stopping = try notify.waitFor { $0.hasPrefix("STOPPING=1") }
        #expect(stopping.last == "STOPPING=1\nSTATUS=stopping: 1 request in flight")
        #expect(try notify.receive()?.hasPrefix("EXTEND_TIMEOUT_USEC=") == true)
        #expect(throws: (any Error).self) { try TestClient(port: port).get("/api/late") }
        feed.sendEvent("after")
        #expect(try client.readChunk() == .chunk(ReceivedChunk("data: after\n\n")))
        feed.finish()
        #expect(try client.readChunk() == .last(extensions: "", trailers: []))
        #expect(try bearerd.waitForExit() == .exited(0))
    }

    @Test func aRequestBodyStillArrivingWhenSigtermComesIsReadToTheEnd() throws {
        let notify = try NotifySocket()
        let upstream = try TestUpstream()
        let bearerd = try Self.start(Self.config(upstream: upstream), notify: notify)
        try notify.waitFor("READY=1")
        let client = try TestClient(port: try bearerd.port)
        try client.send("POST /api/body HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nfirst")
        try upstream.waitForConnections(1)
        try bearerd.signal(SIGTERM)
        try notify.waitFor { $0.hasPrefix("STOPPING=1") }
        try client.send("-half")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(try response.echo().bodyLength == 10)
        #expect(response.header("Connection") == "close" || (try? client.waitForClose()) != nil)
        #expect(try bearerd.waitForExit() == .exited(0))
    }

    @Test func aReloadThatCannotBindKeepsTheRunningListeners() throws {
        let notify = try NotifySocket()
        let upstream = try TestUpstream()
        let taken = try TestUpstream()
        let bearerd = try Self.start(Self.config(upstream: upstream), notify: notify)
        try notify.waitFor("READY=1")
        let port = try bearerd.port
        try bearerd.writeConfig(Self.config(upstream: upstream).replacing(
            #"listen: ["127.0.0.1:0"]"#, with: #"listen: ["127.0.0.1:\#(taken.port)"]"#))
        try bearerd.signal(SIGHUP)
        let reload = try notify.waitFor("READY=1")
        #expect(reload.last?.contains("reload failed: cannot listen on 127.0.0.1:\(taken.port)") == true)
        #expect(try TestClient(port: port).get("/api/still-here").status == 200)
    }

    @Test func aSecondSignalStopsAtOnce() throws {
        let feed = StreamFeed()
        let upstream = try TestUpstream(handler: TestUpstream.serverSentEvents(feed))
        let notify = try NotifySocket()
        let bearerd = try Self.start(Self.config(upstream: upstream, extra: #"shutdownGrace: "1h","#), notify: notify)
        try notify.waitFor("READY=1")
        let client = try TestClient(port: try bearerd.port)
        try client.sendRequest("GET", "/api/stream")
        feed.sendEvent("one")
        _ = try client.readResponseHead()
        try bearerd.signal(SIGTERM)
        try notify.waitFor { $0.hasPrefix("STOPPING=1") }
        try bearerd.signal(SIGINT)
        #expect(try bearerd.waitForExit(timeout: .seconds(5)) == .exited(0))
        _ = try client.waitForClose()
    }

    @Test func socketActivationServesThePassedSocketInsteadOfListen() throws {
        let upstream = try TestUpstream()
        let directory = try TemporaryDirectory(prefix: "bearerd-activate")
        let socketPath = directory.path("agent.sock")
        let configPath = try directory.write("bearerd.json5", """
            { listen: ["127.0.0.1:1"],
              credentials: { main: { source: "static", value: "\(ProxyFixture.token)" } },
              routes: [{ path: "/api/", upstream: "\(upstream.baseURL)/", credential: "main" }] }
            """)
        let activator = try ChildProcess(
            "systemd-socket-activate",
            arguments: ["-l", socketPath, "--fdname=agent", try BearerdProcess.binaryPath(), "run", "--config", configPath],
            environment: ChildProcess.defaultEnvironment())
        defer { activator.kill() }
        try activator.waitForLine(in: .stderr) { $0.hasPrefix("Listening on ") }
        let client = try TestClient(unixPath: socketPath)
        let response = try client.get("/api/activated", headers: [HeaderField("Host", "localhost")])
        #expect(response.status == 200)
        #expect(activator.stderr.contains("listening address=unix:\(socketPath) activation=systemd"))
        try activator.signal(SIGTERM)
        _ = try activator.waitForExit()
        // systemd owns the socket file: bearerd leaves it in place.
        #expect(access(socketPath, F_OK) == 0)
    }

    @Test func reloadsUnderLoadLoseNoRequestAndDoNotRefetchAnUnchangedCredential() throws {
        let notify = try NotifySocket()
        let upstream = try TestUpstream()
        let bearerd = try Self.start(Self.config(upstream: upstream), notify: notify)
        try notify.waitFor("READY=1")
        let port = try bearerd.port
        let load = LoadGenerator(port: port)
        load.start()
        for round in 1...5 {
            try load.waitForRequests(10 * round)
            try bearerd.writeConfig(Self.config(upstream: upstream, extra: "allowedHosts: [\"round\(round).local\"],"))
            try bearerd.signal(SIGHUP)
            try notify.waitFor { $0.hasPrefix("READY=1") && $0.contains("1/1 credentials valid") }
        }
        let result = load.stop()
        #expect(result.failures == [])
        #expect(result.succeeded >= 50)
        try bearerd.waitForLines(in: .stderr, count: 5) { $0.contains("configuration reloaded") }
        #expect(bearerd.stderr.components(separatedBy: "token fetched credential=main").count == 2)
    }
}

/// Sends requests back to back on keep-alive connections from a thread until stopped.
final class LoadGenerator: @unchecked Sendable {
    // Invariant: `results` is touched under `lock`; `thread` only by start/stop on the test's task.
    private let port: UInt16
    private let lock = Mutex()
    private var running = true
    private var succeeded = 0
    private var failures: [String] = []
    private var thread: pthread_t?

    init(port: UInt16) {
        self.port = port
    }

    func start() {
        let box = Unmanaged.passRetained(self)
        var thread = pthread_t()
        pthread_create(&thread, nil, { raw in
            let generator = Unmanaged<LoadGenerator>.fromOpaque(raw!).takeRetainedValue()
            generator.loop()
            return nil
        }, box.toOpaque())
        self.thread = thread
    }

    var succeededSoFar: Int { lock.withLock { succeeded } }

    /// Waits until `count` requests succeeded in all (a test's pacing, not a sleep).
    func waitForRequests(_ count: Int, timeout: Duration = .seconds(10)) throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while lock.withLock({ succeeded }) < count {
            guard ContinuousClock.now < deadline else {
                throw TestSupportError(.timeout, "load: \(lock.withLock { succeeded }) of \(count) requests")
            }
            sched_yield()
        }
    }

    func stop() -> (succeeded: Int, failures: [String]) {
        lock.withLock { running = false }
        if let thread { pthread_join(thread, nil) }
        return lock.withLock { (succeeded, failures) }
    }

    private func loop() {
        var client: TestClient?
        var index = 0
        while lock.withLock({ running }) {
            index += 1
            do {
                if client == nil { client = try TestClient(port: port) }
                let response = try client!.get("/api/load/\(index)")
                lock.withLock {
                    if response.status == 200 { succeeded += 1 } else { failures.append("status \(response.status)") }
                }
            } catch {
                lock.withLock { failures.append("\(error)") }
                client = nil
            }
        }
    }
}

/// A pthread mutex for the load generator's counters.
private final class Mutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func withLock<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
