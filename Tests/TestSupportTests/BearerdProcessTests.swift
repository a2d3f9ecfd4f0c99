import Glibc
import TestSupport
import Testing

/// BearerdProcess against a stand-in script that follows bearerd's readiness contract; the real
/// binary is exercised by the proxy tests.
@Suite("BearerdProcess")
struct BearerdProcessTests {
    @Test("start waits for every listening line and parses TCP and Unix addresses")
    func readiness() throws {
        let scripts = try TemporaryDirectory()
        let fake = try scripts.write(
            "fake-bearerd",
            """
            #!/usr/bin/env python3
            import signal, sys
            print("args:", *sys.argv[1:], flush=True)
            print(open(sys.argv[3]).read(), end="", flush=True)
            sys.stderr.write("level=info msg=starting\\n")
            sys.stderr.write("level=info msg=listening address=127.0.0.1:43210\\n")
            sys.stderr.write('level=info msg=listening address="unix:/tmp/b.sock"\\n')
            sys.stderr.flush()
            signal.pause()
            """, mode: 0o755)
        let bearerd = try BearerdProcess.start(
            config: "{ config: 1 }\n", environment: ["ROLE": "x"], listeners: 2, binary: fake)

        #expect(bearerd.listeners == [.tcp(host: "127.0.0.1", port: 43210), .unix(path: "/tmp/b.sock")])
        #expect(try bearerd.port == 43210)
        try bearerd.waitForLines(in: .stdout) { $0 == "{ config: 1 }" }
        #expect(bearerd.stdout.hasPrefix("args: run --config \(bearerd.configPath)\n"))
        let rss = try bearerd.rssKiB()
        #expect(rss > 1000)
        #expect(try bearerd.peakRSSKiB() >= rss)

        try bearerd.signal(SIGTERM)
        #expect(try bearerd.waitForExit() == .signaled(SIGTERM))
    }

    @Test("start fails with the captured output when bearerd exits before listening")
    func exitsBeforeReady() throws {
        let scripts = try TemporaryDirectory()
        let fake = try scripts.write(
            "fake-bearerd", "#!/bin/sh\necho 'routes[0].upstream: missing' >&2\nexit 1\n", mode: 0o755)

        let error = #expect(throws: TestSupportError.self) { try BearerdProcess.start(config: "{}", binary: fake) }
        #expect(error?.message.contains("routes[0].upstream: missing") == true)
        #expect(error?.message.contains("exit code 1") == true)
    }

    @Test(
        "Listening addresses are read from bearerd's log lines",
        arguments: [
            ("listening address=127.0.0.1:8750", ListenAddress.tcp(host: "127.0.0.1", port: 8750)),
            ("ts=1 level=info listening address=unix:/run/bearerd.sock route=x", .unix(path: "/run/bearerd.sock")),
            ("listening address=\"[::1]:80\"", .tcp(host: "[::1]", port: 80)),
        ])
    func listenAddress(line: String, expected: ListenAddress) throws {
        #expect(try ListenAddress(line: line) == expected)
    }
}
