import Glibc
import TestSupport
import Testing

/// `source: "exec"` through the real bearerd, with shell scripts as credential commands.
@Suite struct ExecSourceTests {
    static let canary = "canary-exec-5a19c"

    /// A script in a fresh directory; `$DIR` in its text is that directory.
    struct Script {
        let directory: TemporaryDirectory
        let path: String

        init(_ text: String, interpreter: String = "/bin/sh") throws {
            directory = try TemporaryDirectory(prefix: "bearerd-exec")
            path = try directory.write(
                "command", "#!\(interpreter)\n" + text.replacing("$DIR", with: directory.path), mode: 0o755)
        }

        func read(_ name: String) throws -> String {
            String(decoding: try directory.read(name), as: UTF8.self)
        }
    }

    @Test(arguments: [
        ("printf 'bare-token-1\\n'", "bare-token-1"),
        (#"echo '{"token": "json-token-2", "expiresIn": 3600}'"#, "json-token-2"),
        (
            """
            echo '{"kind": "ExecCredential", "apiVersion": "client.authentication.k8s.io/v1",'
            echo ' "status": {"token": "k8s-token-3", "expirationTimestamp": "2099-01-01T00:00:00Z"}}'
            """,
            "k8s-token-3"
        ),
    ])
    func eachOutputFormGivesTheTokenThatIsInjected(output: String, token: String) throws {
        let script = try Script(output)
        let proxy = try CredentialProxy(credential: #"source: "exec", command: [\#(json5(script.path))]"#)

        #expect(try proxy.injected() == "Bearer \(token)")
        proxy.expectNeverPrinted([token])
    }

    @Test func theCommandGetsItsArgumentsAndOnlyPATHAndTheConfiguredVariables() throws {
        let script = try Script(
            """
            # dash exports PWD by itself; bearerd does not set it.
            env | grep -v '^PWD=' | sort > "$DIR/environment"
            printf '%s\\n' "$@" > "$DIR/arguments"
            echo arg-token
            """)
        let proxy = try CredentialProxy(
            credential: """
                source: "exec", command: [\(json5(script.path)), "--audience", "a b"],
                environment: { SECRET: { env: "CANARY" }, PROFILE: "agents" }
                """,
            environment: ["CANARY": Self.canary, "LEAKED": "bearerd-only"])

        #expect(try proxy.injected() == "Bearer arg-token")
        #expect(try script.read("arguments") == "--audience\na b\n")
        #expect(
            try script.read("environment")
                == "PATH=/usr/local/bin:/usr/bin:/bin\nPROFILE=agents\nSECRET=\(Self.canary)\n")
        proxy.expectNeverPrinted([Self.canary])
    }

    @Test func theCommandRunsInItsOwnProcessGroupWithDefaultSignalsStdinFromDevNullAndNoOtherDescriptors() throws {
        // Perl, since a shell blocks signals and opens descriptors of its own around every command.
        let script = try Script(
            """
            open(my $out, ">", "$DIR/report") or die;
            open(my $status, "<", "/proc/self/status") or die;
            while (<$status>) { print $out $_ if /^Sig(Blk|Ign):/ }
            close($status);
            opendir(my $fds, "/proc/self/fd") or die;
            for (sort readdir($fds)) { print $out "fd $_ ", readlink("/proc/self/fd/$_") // "?", "\\n" unless /^\\./ }
            print $out "group ", getpgrp() == $$ ? "own" : "inherited", "\\n";
            close($out);
            print "clean-token\\n";
            """, interpreter: "/usr/bin/perl")
        let proxy = try CredentialProxy(credential: #"source: "exec", command: [\#(json5(script.path))]"#)

        #expect(try proxy.injected() == "Bearer clean-token")
        let report = try script.read("report").split(separator: "\n").map(String.init)
        // bearerd blocks SIGTERM, SIGINT and SIGHUP for its signalfd; the command must not inherit that.
        #expect(report.first == "SigBlk:\t0000000000000000")
        // (Perl ignores SIGFPE itself, glibc its two internal signals: look at the ones that matter.)
        let ignored = report.first { $0.hasPrefix("SigIgn:\t") }.flatMap { UInt64($0.dropFirst(8), radix: 16) }
        for signal in [SIGHUP, SIGINT, SIGPIPE, SIGTERM] {
            #expect(ignored.map { $0 & (1 << (signal - 1)) == 0 } == true, "signal \(signal) is ignored")
        }
        #expect(report.last == "group own")
        #expect(report.contains("fd 0 /dev/null"))
        #expect(report.contains { $0.hasPrefix("fd 1 pipe:") })
        // Perl's own descriptors (the script, the report, the directory it lists) and nothing of bearerd's.
        let others = report.filter { line in
            line.hasPrefix("fd ") && !["0", "1", "2"].contains(line.split(separator: " ")[1])
        }
        #expect(!others.contains { $0.contains("socket:") || $0.contains("pipe:") || $0.contains("anon_inode:") })
    }

    @Test func outputAbove1MiBIsRefusedAndTheCommandKilled() throws {
        let script = try Script("exec head -c 2000000 /dev/zero")
        let proxy = try CredentialProxy(credential: #"source: "exec", command: [\#(json5(script.path))]"#)

        #expect(
            try proxy.unavailable().contains("command printed more than 1048576 bytes; its process group was killed"))
    }

    @Test func stderrIsLoggedOnOneLineWithTheTokenAndSecretsRedacted() throws {
        let script = try Script(
            """
            printf 'using %s\\n\\033[31mto get stderr-token-4\\n' "$SECRET" >&2
            echo stderr-token-4
            """)
        let proxy = try CredentialProxy(
            credential:
                #"source: "exec", command: [\#(json5(script.path))], environment: { SECRET: { env: "CANARY" } }"#,
            environment: ["CANARY": Self.canary])

        #expect(try proxy.injected() == "Bearer stderr-token-4")
        let line = try proxy.waitForLog(#"credential "api": command wrote to stderr: "#)
        #expect(line.contains(#"command wrote to stderr: using <redacted>\n\x1b[31mto get <redacted> credential=api"#))
        proxy.expectNeverPrinted([Self.canary, "stderr-token-4"])
    }

    @Test func aFailingCommandIsAFailedFetchNamingItsStatusAndFirstStderrLine() throws {
        let script = try Script(
            """
            echo "login failed for $SECRET" >&2
            echo "second line" >&2
            exit 3
            """)
        let proxy = try CredentialProxy(
            credential:
                #"source: "exec", command: [\#(json5(script.path))], environment: { SECRET: { env: "CANARY" } }"#,
            environment: ["CANARY": Self.canary])

        #expect(try proxy.unavailable().hasSuffix("command exited with status 3: login failed for <redacted>"))
        try proxy.waitForLog("token fetch failed (command exited with status 3: login failed for <redacted>)")
        proxy.expectNeverPrinted([Self.canary])
    }

    @Test func aMissingProgramIsAPermanentFailure() throws {
        let proxy = try CredentialProxy(credential: #"source: "exec", command: ["bearerd-no-such-helper"]"#)

        #expect(
            try proxy.unavailable().hasSuffix(
                "bearerd-no-such-helper not found in PATH /usr/local/bin:/usr/bin:/bin"))
        #expect(try proxy.waitForLog("bearerd-no-such-helper not found").contains("failure=permanent"))
    }

    /// Writes its pid and its child's pid to $DIR, then waits for the child, which never ends.
    static let hangingWithAChild = """
        echo $$ > "$DIR/pid"
        sleep 1000 &
        echo $! > "$DIR/child"
        wait
        """

    @Test func aCommandThatHangsIsKilledWithItsWholeProcessGroupAtItsTimeout() throws {
        let script = try Script(Self.hangingWithAChild)
        let proxy = try CredentialProxy(
            credential: #"source: "exec", command: [\#(json5(script.path))], timeout: "500ms""#)

        #expect(try proxy.unavailable().contains("command did not finish within 500ms; its process group was killed"))
        try expectGone(script)
    }

    @Test func theFetchTimeoutKillsTheProcessGroupWhenItIsTheShorter() throws {
        let script = try Script(Self.hangingWithAChild)
        let proxy = try CredentialProxy(
            credential: #"source: "exec", command: [\#(json5(script.path))], fetchTimeout: "400ms""#)

        #expect(try proxy.unavailable().contains("no answer within 400ms"))
        try expectGone(script)
    }

    /// The script and the `sleep` it started have both exited.
    func expectGone(_ script: Script, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for name in ["pid", "child"] {
            let pid = try #require(pid_t(try script.read(name).trimmingCharacters()), sourceLocation: sourceLocation)
            try ProcessExit.wait(for: pid)
            #expect(!ProcessExit.isRunning(pid), sourceLocation: sourceLocation)
        }
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        String(self.filter { !$0.isWhitespace })
    }
}
