import CLinux
import Config
import Glibc
import TokenCore

/// Starting a credential command with `posix_spawn`: no shell, its own process group (so that a kill
/// reaches whatever it starts), an empty signal mask and default dispositions (bearerd blocks the
/// signals it reads through a signalfd, and a child would inherit that), stdin from /dev/null,
/// stdout and stderr into pipes, every other descriptor closed, and exactly the given environment.
enum CommandSpawn {
    /// A running command and our ends of its pipes.
    struct Started {
        var pid: pid_t
        /// Non-blocking read ends, close-on-exec.
        var stdout: Int32
        var stderr: Int32
    }

    /// Why a command could not be started; a permanent failure (the same command fails again).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `command` (program and arguments). A program without `/` is looked up in the PATH of
    /// `environment`. Secret values are copied into memory that is overwritten once the child has
    /// exec'd (glibc's posix_spawn returns after that).
    static func start(_ command: [String], environment: [(name: String, value: Secret)]) throws(Failure) -> Started {
        guard let name = command.first else { throw Failure(description: "the command is empty") }
        let program = try resolve(name, path: environment.last { $0.name == "PATH" }?.value)
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard bearerd_pipe2(&stdoutPipe, O_CLOEXEC) == 0 else { throw Failure(description: "pipe2: \(errorText())") }
        guard bearerd_pipe2(&stderrPipe, O_CLOEXEC) == 0 else {
            let reason = errorText()
            close(stdoutPipe[0])
            close(stdoutPipe[1])
            throw Failure(description: "pipe2: \(reason)")
        }
        // Only our ends are non-blocking: the child's stdout must block as any program expects.
        _ = fcntl(stdoutPipe[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(stderrPipe[0], F_SETFL, O_NONBLOCK)
        let (pid, code) = spawn(
            program, arguments: command, environment: environment, stdout: stdoutPipe[1], stderr: stderrPipe[1])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard code == 0 else {
            close(stdoutPipe[0])
            close(stderrPipe[0])
            throw Failure(description: "cannot run \(program): \(String(cString: strerror(code)))")
        }
        return Started(pid: pid, stdout: stdoutPipe[0], stderr: stderrPipe[0])
    }

    private static func spawn(
        _ program: String, arguments: [String], environment: [(name: String, value: Secret)], stdout: Int32,
        stderr: Int32
    ) -> (pid: pid_t, error: Int32) {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        // Descriptors libcurl or a library opened without O_CLOEXEC must not reach the command.
        bearerd_spawn_addclosefrom(&actions, 3)

        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map(entry) + [nil]
        defer { for pointer in envp { erase(pointer) } }
        var pid: pid_t = 0
        let code = argv.withUnsafeBufferPointer { argv in
            posix_spawn(&pid, program, &actions, &attributes, argv.baseAddress!, &envp)
        }
        return (pid, code)
    }

    /// `NAME=value` with a NUL, in memory `erase` overwrites.
    private static func entry(_ variable: (name: String, value: Secret)) -> UnsafeMutablePointer<CChar>? {
        let name = Array(variable.name.utf8)
        let size = name.count + 1 + variable.value.count + 1
        guard let memory = malloc(size)?.bindMemory(to: UInt8.self, capacity: size) else { return nil }
        let buffer = UnsafeMutableBufferPointer(start: memory, count: size)
        buffer.initialize(repeating: 0)
        _ = UnsafeMutableBufferPointer(rebasing: buffer[..<name.count]).update(fromContentsOf: name)
        buffer[name.count] = UInt8(ascii: "=")
        variable.value.withRevealedBytes { value in
            _ = UnsafeMutableBufferPointer(rebasing: buffer[(name.count + 1)...]).update(fromContentsOf: value)
        }
        return UnsafeMutableRawPointer(memory).bindMemory(to: CChar.self, capacity: size)
    }

    private static func erase(_ pointer: UnsafeMutablePointer<CChar>?) {
        guard let pointer else { return }
        memset(pointer, 0, strlen(pointer))
        free(pointer)
    }

    /// `name` itself when it has a `/`; else the first executable `directory/name` in `path`.
    private static func resolve(_ name: String, path: Secret?) throws(Failure) -> String {
        if name.contains("/") { return name }
        let search =
            path.map { $0.withRevealedBytes { String(decoding: $0, as: UTF8.self) } }
            ?? ExecCredentialSource.defaultPath
        for directory in search.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        // A configured PATH may come from a secret reference: it is searched but not shown.
        let shown = search == ExecCredentialSource.defaultPath ? "PATH \(search)" : "the configured PATH"
        throw Failure(description: "\(name) not found in \(shown)")
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
