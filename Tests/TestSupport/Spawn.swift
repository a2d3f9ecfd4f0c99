import CLinux
import Glibc

/// posix_spawn with the test's rules: an explicit environment, stdin from /dev/null, stdout and stderr
/// into the given pipes, signal mask and dispositions reset (the test runner's threads may block or
/// ignore signals a daemon relies on), and a process group of its own so that a kill reaches the
/// child's own children too.
enum Spawn {
    /// Starts `executable` (an absolute path) and returns its pid.
    static func start(
        _ executable: String, arguments: [String], environment: [String: String], stdout: Int32, stderr: Int32
    ) throws -> pid_t {
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

        var pid: pid_t = 0
        let result = withCStrings([executable] + arguments) { argv in
            withCStrings(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) { envp in
                posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            }
        }
        guard result == 0 else { throw TestSupportError.system("posix_spawn \(executable)", errno: result) }
        return pid
    }

    /// The absolute path of `name`: as given when it has a slash, else the first executable in PATH.
    static func resolve(_ name: String) throws -> String {
        if name.contains("/") { return name }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where access("\(directory)/\(name)", X_OK) == 0 {
            return "\(directory)/\(name)"
        }
        throw TestSupportError(.process, "\(name) not found in PATH \(path)")
    }

    /// PATH and HOME of this process plus `additions`: nothing else is inherited (no *_proxy).
    static func environment(adding additions: [String: String]) -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["PATH", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment.merging(additions) { $1 }
    }

    private static func withCStrings<R>(
        _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R
    ) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
