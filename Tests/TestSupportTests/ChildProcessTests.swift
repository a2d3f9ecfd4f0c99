import Glibc
import TestSupport
import Testing

@Suite("ChildProcess")
struct ChildProcessTests {
    @Test("run captures stdout, stderr and the exit code")
    func runToCompletion() throws {
        let result = try ChildProcess.run("sh", arguments: ["-c", "echo out; echo err >&2; exit 3"])

        #expect(result.status == .exited(3))
        #expect(result.stdout == "out\n")
        #expect(result.stderr == "err\n")
    }

    @Test("The child's environment is PATH, HOME and what the test adds, nothing else")
    func explicitEnvironment() throws {
        let result = try ChildProcess.run("env", environment: ChildProcess.defaultEnvironment(adding: ["EXTRA": "1"]))

        let names = Set(result.stdout.split(separator: "\n").map { String($0.prefix { $0 != "=" }) })
        #expect(names == ["PATH", "HOME", "EXTRA"])
    }

    @Test("The child starts with no blocked and no ignored signals")
    func signalsReset() throws {
        let status = try ChildProcess.run("cat", arguments: ["/proc/self/status"]).stdout
        func mask(_ name: String) throws -> UInt64 {
            let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("\(name):") })
            return try #require(UInt64(line.dropFirst(name.count + 1).drop { $0 == "\t" }, radix: 16))
        }
        // glibc's posix_spawn always leaves its two internal signals (32 and 33, bits 31 and 32)
        // ignored; it installs its own handlers for them when it needs them.
        let glibcInternal: UInt64 = 0x1_8000_0000

        #expect(try mask("SigBlk") == 0)
        #expect(try mask("SigIgn") & ~glibcInternal == 0)
    }

    @Test("A line printed later is awaited, and a signal's exit status is reported")
    func waitForLineThenSignal() throws {
        let child = try ChildProcess(
            "sh", arguments: ["-c", "echo starting >&2; echo ready; exec sleep 30"],
            environment: ChildProcess.defaultEnvironment())
        #expect(try child.waitForLine(in: .stdout) { $0 == "ready" } == "ready")
        #expect(child.exitStatus == nil)

        try child.signal(SIGTERM)
        #expect(try child.waitForExit() == .signaled(SIGTERM))
        // Each stream has its own reader: stderr may land after stdout's line, so await it too.
        #expect(try child.waitForLine(in: .stderr) { $0.hasPrefix("start") } == "starting")
        #expect(throws: TestSupportError.self) { try child.signal(SIGTERM) }
    }

    @Test("Waiting for the exit of a running process times out; kill ends it")
    func exitTimeoutAndKill() throws {
        let child = try ChildProcess("sleep", arguments: ["30"], environment: ChildProcess.defaultEnvironment())
        let error = #expect(throws: TestSupportError.self) { try child.waitForExit(timeout: .milliseconds(50)) }
        #expect(error?.kind == .timeout)

        child.kill()
        #expect(child.exitStatus == .signaled(SIGKILL))
    }

    @Test("A process that ends before the awaited line fails the wait at once, showing its output")
    func endsBeforeLine() throws {
        let child = try ChildProcess(
            "sh", arguments: ["-c", "echo 'config: no such key' >&2; exit 2"],
            environment: ChildProcess.defaultEnvironment())
        let error = #expect(throws: TestSupportError.self) {
            try child.waitForLine(timeout: .seconds(30)) { $0.contains("never printed") }
        }
        #expect(error?.kind == .process)
        #expect(error?.message.contains("config: no such key") == true)
    }
}
