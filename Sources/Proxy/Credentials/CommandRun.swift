import CLinux
import EventLoop
import Glibc
import TokenCore

/// One run of a credential command, watched by the loop: its output read from non-blocking pipes,
/// its exit seen through a pidfd (so the loop never blocks in `waitpid`), its process group killed
/// with SIGKILL at the timeout, when stdout passes `outputLimit`, or when the run is abandoned.
///
/// When the command exits, whatever it left running in its process group is killed too (before it
/// is reaped, so the group id cannot have been reused), and the pipes are read to the end of what
/// the command wrote. A run that ended early keeps watching until the process is reaped; nothing of
/// it is left behind.
final class CommandRun {
    /// Why the run ended.
    enum Ending: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut(Duration)
        case outputTooLarge
    }

    /// How the run ended and what the command wrote (within the limits).
    struct Outcome {
        var ending: Ending
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    /// The largest standard output read (the limit of `ExecOutput.parse`).
    static let outputLimit = TokenResponse.maximumSize
    /// The part of stderr kept for the log; the rest is read and dropped.
    static let stderrLimit = 65536

    let pid: pid_t
    private let loop: EventLoop
    private let stdout: PipeReader
    private let stderr: PipeReader
    private var exitWatch: ExitWatch?
    private var deadline: ScheduledTimer?
    private var completion: ((Outcome) -> Void)?
    private var isReaped = false

    /// Starts `command`; `completion` runs once, on the loop, later, unless the run is abandoned.
    init(
        loop: EventLoop, command: [String], environment: [(name: String, value: Secret)], timeout: Duration,
        completion: @escaping (Outcome) -> Void
    ) throws(CommandSpawn.Failure) {
        let started = try CommandSpawn.start(command, environment: environment)
        pid = started.pid
        self.loop = loop
        self.completion = completion
        do throws(SystemError) {
            stdout = try PipeReader(loop: loop, fd: started.stdout, limit: Self.outputLimit)
        } catch {
            Glibc.close(started.stdout)
            Glibc.close(started.stderr)
            Self.killAndReap(started.pid)
            throw CommandSpawn.Failure(description: "cannot watch the command's output: \(error)")
        }
        do throws(SystemError) {
            stderr = try PipeReader(loop: loop, fd: started.stderr, limit: Self.stderrLimit)
        } catch {
            stdout.close()
            Glibc.close(started.stderr)
            Self.killAndReap(started.pid)
            throw CommandSpawn.Failure(description: "cannot watch the command's output: \(error)")
        }
        stdout.received = { [unowned self] in
            if stdout.total > Self.outputLimit { end(.outputTooLarge) }
        }
        // The watch holds the run (the loop holds the watch) until the process is reaped, however
        // early its owner let go.
        exitWatch = ExitWatch(loop: loop, pid: pid) { [self] in exited() }
        deadline = loop.schedule(after: timeout) { [unowned self] in
            deadline = nil
            end(.timedOut(timeout))
        }
    }

    /// The run's result is no longer wanted: kill the group; reaping goes on quietly.
    func abandon() {
        completion = nil
        end(nil)
    }

    /// Ends the run before the command exited: kills the group, delivers `ending` (if given).
    private func end(_ ending: Ending?) {
        deadline?.cancel()
        deadline = nil
        killGroup()
        guard let completion else { return }
        self.completion = nil
        if let ending {
            completion(Outcome(ending: ending, stdout: stdout.bytes, stderr: stderr.bytes))
        }
        // Either may hold the token; what arrives until the group is gone is read and dropped.
        stdout.clear()
        stderr.clear()
    }

    /// The process exited (it is a zombie until reaped here).
    private func exited() {
        killGroup()
        var status: Int32 = 0
        var reaped: pid_t
        repeat {
            reaped = waitpid(pid, &status, WNOHANG)
        } while reaped < 0 && errno == EINTR
        guard reaped != 0 else { return }
        isReaped = true
        exitWatch?.close()
        exitWatch = nil
        deadline?.cancel()
        deadline = nil
        // Everything the command wrote is in the pipes now; a process that left the group and kept
        // them open is not waited for.
        stdout.drain(budget: Self.outputLimit + PipeReader.readBudget)
        stderr.drain(budget: Self.outputLimit + PipeReader.readBudget)
        stdout.close()
        stderr.close()
        if let completion {
            self.completion = nil
            // ECHILD: someone else reaped it (SIGCHLD ignored); the status is lost.
            let ending: Ending =
                stdout.total > Self.outputLimit ? .outputTooLarge : reaped < 0 ? .exited(-1) : Self.ending(status)
            completion(Outcome(ending: ending, stdout: stdout.bytes, stderr: stderr.bytes))
        }
        stdout.clear()
        stderr.clear()
    }

    private func killGroup() {
        guard !isReaped else { return }
        _ = kill(-pid, SIGKILL)
    }

    private static func ending(_ status: Int32) -> Ending {
        // WIFEXITED and friends are macros Swift does not import.
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }

    /// For a child that could not be watched: it must not run on unattended.
    private static func killAndReap(_ pid: pid_t) {
        _ = kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
