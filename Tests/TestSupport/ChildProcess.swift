import CLinux
import Glibc

/// A child process started with posix_spawn (see `Spawn`), its stdout and stderr captured by reader
/// threads into buffers the test can read at any time, and reaped by a thread of its own so that
/// waiting for its exit takes a timeout.
///
/// ```
/// let result = try ChildProcess.run(bearerdPath, arguments: ["check", "--config", path])
/// #expect(result.status == .exited(0))
/// ```
/// Killed (SIGKILL to its process group) and reaped when deinitialised, so a failing test leaves
/// no process behind.
package final class ChildProcess: Sendable {
    /// Which output a line is looked for in.
    package enum Stream: Sendable {
        case stdout
        case stderr
        case either
    }

    struct State {
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        var openPipes = 2
        var exit: ExitStatus?
    }

    package let pid: pid_t
    package let executable: String
    let state = Monitor(State())

    /// Starts `executable` (a path, or a name looked up in PATH) with exactly `environment`.
    package init(_ executable: String, arguments: [String] = [], environment: [String: String]) throws {
        self.executable = try Spawn.resolve(executable)
        var stdout: [Int32] = [-1, -1]
        var stderr: [Int32] = [-1, -1]
        guard bearerd_pipe2(&stdout, O_CLOEXEC) == 0 else { throw TestSupportError.system("pipe2") }
        guard bearerd_pipe2(&stderr, O_CLOEXEC) == 0 else {
            close(stdout[0])
            close(stdout[1])
            throw TestSupportError.system("pipe2")
        }
        defer {
            close(stdout[1])
            close(stderr[1])
        }
        do {
            pid = try Spawn.start(
                self.executable, arguments: arguments, environment: environment, stdout: stdout[1], stderr: stderr[1]
            )
        } catch {
            close(stdout[0])
            close(stderr[0])
            throw error
        }
        let (state, pid, stdoutRead, stderrRead) = (self.state, self.pid, stdout[0], stderr[0])
        try startThread { Self.collect(stdoutRead, into: \.stdout, of: state) }
        try startThread { Self.collect(stderrRead, into: \.stderr, of: state) }
        try startThread { Self.reap(pid, into: state) }
    }

    deinit {
        kill()
    }

    /// Runs `executable` to completion (its output pipes closed too); throws, after killing it, if it
    /// takes longer than `timeout`.
    package static func run(
        _ executable: String, arguments: [String] = [], environment: [String: String] = defaultEnvironment(),
        timeout: Duration = .seconds(30)
    ) throws -> ChildResult {
        let child = try ChildProcess(executable, arguments: arguments, environment: environment)
        let status = try child.waitForExit(timeout: timeout)
        try child.state.wait(
            for: "\(executable)'s output to end", timeout: .seconds(5),
            seen: { _ in
                "a process it started still holds stdout or stderr open"
            }
        ) { $0.openPipes == 0 ? () : nil }
        return ChildResult(status: status, stdout: child.stdout, stderr: child.stderr)
    }

    /// PATH and HOME of the test process plus `additions`; nothing else is inherited (no *_proxy).
    package static func defaultEnvironment(adding additions: [String: String] = [:]) -> [String: String] {
        Spawn.environment(adding: additions)
    }

    package var stdout: String { state.read { String(decoding: $0.stdout, as: UTF8.self) } }
    package var stderr: String { state.read { String(decoding: $0.stderr, as: UTF8.self) } }
    /// stdout, then stderr.
    package var output: String { state.read(Self.describeOutput) }
    /// How it ended, nil while it runs.
    package var exitStatus: ExitStatus? { state.read(\.exit) }

    /// Sends `signal` to the process (not its group); fails once it has exited.
    package func signal(_ signal: Int32) throws {
        try state.withLock { state in
            // Under the lock the pid cannot be reaped (and reused) between the check and the kill.
            guard state.exit == nil else {
                throw TestSupportError(
                    .process, "\(executable) already ended (\(state.exit!)), cannot send signal \(signal)")
            }
            guard Glibc.kill(pid, signal) == 0 else { throw TestSupportError.system("kill \(pid) \(signal)") }
        }
    }

    /// Waits until the process exits; throws `.timeout` with its output if it does not.
    @discardableResult
    package func waitForExit(timeout: Duration = .seconds(10)) throws -> ExitStatus {
        try state.wait(for: "\(executable) (pid \(pid)) to exit", timeout: timeout, seen: Self.describeOutput) {
            $0.exit
        }
    }

    /// Kills the whole process group with SIGKILL and reaps the process (waiting up to 5 s).
    package func kill() {
        state.withLock { state in
            guard state.exit == nil else { return }
            _ = Glibc.kill(-pid, SIGKILL)
            _ = Glibc.kill(pid, SIGKILL)
        }
        _ = try? waitForExit(timeout: .seconds(5))
    }

    /// Waits until `count` complete lines of `stream` satisfy `predicate`; returns them. Throws
    /// `.timeout`, or at once `.process` if the process ended before that; both show the output.
    @discardableResult
    package func waitForLines(
        in stream: Stream = .either, count: Int = 1, timeout: Duration = .seconds(10),
        matching predicate: (String) -> Bool
    ) throws -> [String] {
        try state.wait(for: "\(count) matching lines from \(executable)", timeout: timeout, seen: Self.describeOutput) {
            state in
            let matches = Self.lines(of: state, in: stream).filter(predicate)
            if matches.count >= count { return matches }
            // Output ends a moment before the exit is reaped: wait for both, to report the status.
            if state.openPipes == 0, let exit = state.exit {
                let summary = "\(matches.count) of \(count) matching lines; \(Self.describeOutput(state))"
                throw TestSupportError(.process, "\(executable) ended (\(exit)) with \(summary)")
            }
            return nil
        }
    }

    /// The first complete line of `stream` satisfying `predicate`; see `waitForLines`.
    @discardableResult
    package func waitForLine(
        in stream: Stream = .either, timeout: Duration = .seconds(10), matching predicate: (String) -> Bool
    ) throws -> String {
        try waitForLines(in: stream, count: 1, timeout: timeout, matching: predicate)[0]
    }

    /// Complete lines (ended by a newline, or by the end of the output).
    static func lines(of state: State, in stream: Stream) -> [String] {
        func split(_ bytes: [UInt8], ended: Bool) -> [String] {
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            if !ended || lines.last?.isEmpty == true { lines.removeLast() }
            return lines.map { String(decoding: $0, as: UTF8.self) }
        }
        let ended = state.openPipes == 0
        switch stream {
        case .stdout: return split(state.stdout, ended: ended)
        case .stderr: return split(state.stderr, ended: ended)
        case .either: return split(state.stdout, ended: ended) + split(state.stderr, ended: ended)
        }
    }

    static func describeOutput(_ state: State) -> String {
        let status = state.exit.map { "\($0)" } ?? "running"
        return "\(status); stdout: \(quoted(state.stdout, limit: 8192)); stderr: \(quoted(state.stderr, limit: 8192))"
    }

    private static func collect(_ fd: Int32, into buffer: WritableKeyPath<State, [UInt8]>, of state: Monitor<State>) {
        defer {
            close(fd)
            state.withLock { $0.openPipes -= 1 }
        }
        var bytes = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            state.withLock { $0[keyPath: buffer] += bytes[..<count] }
        }
    }

    /// Waits without reaping (WNOWAIT), then reaps under the lock: until then the pid stays a zombie,
    /// so `signal` and `kill` can never hit a reused pid.
    private static func reap(_ pid: pid_t, into state: Monitor<State>) {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        state.withLock { state in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            state.exit = ExitStatus(waitStatus: status)
        }
    }
}
