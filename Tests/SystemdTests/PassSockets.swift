import TestSupport
import Testing

/// Passes sockets to `SystemdTestTool listen-fds` the way systemd does, for the kinds
/// `systemd-socket-activate` cannot make: a Python process opens them, moves them to descriptors 3,
/// 4, ..., sets LISTEN_FDS, LISTEN_PID (its own pid, which exec keeps, unless told otherwise) and
/// LISTEN_FDNAMES, and execs the tool. Before that it prints `port N` on stderr for each TCP socket.
///
/// Kinds: `tcp4` (listening on 127.0.0.1:0), `tcp6` ([::1]:0), `dgram` (UDP), `unlistened` (a bound
/// TCP socket without listen), `file` (/dev/null).
struct PassSockets {
    var output: [String]
    var ports: [UInt16]

    func port(_ index: Int) throws -> UInt16 {
        try #require(ports.indices.contains(index), "no port \(index) in \(ports)")
        return ports[index]
    }

    static func run(_ kinds: [String], names: String, listenPID: String? = nil) throws -> PassSockets {
        var environment = ["LISTEN_FDNAMES": names]
        if let listenPID { environment["TEST_LISTEN_PID"] = listenPID }
        let result = try ChildProcess.run(
            "python3", arguments: ["-c", script, try SystemdTool.path()] + kinds,
            environment: ChildProcess.defaultEnvironment(adding: environment))
        try #require(result.status == .exited(0), "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        let ports = result.stderr.split(separator: "\n").compactMap { line in
            line.hasPrefix("port ") ? UInt16(line.dropFirst("port ".count)) : nil
        }
        return PassSockets(output: result.stdout.split(separator: "\n").map(String.init), ports: ports)
    }

    private static let script = """
        import fcntl, os, socket, sys
        tool, kinds = sys.argv[1], sys.argv[2:]
        fds = []
        for kind in kinds:
            if kind == "file":
                fds.append(os.open("/dev/null", os.O_RDONLY))
                continue
            family = socket.AF_INET6 if kind == "tcp6" else socket.AF_INET
            kind_type = socket.SOCK_DGRAM if kind == "dgram" else socket.SOCK_STREAM
            s = socket.socket(family, kind_type)
            s.bind(("::1" if kind == "tcp6" else "127.0.0.1", 0))
            if kind in ("tcp4", "tcp6"):
                s.listen()
                print("port", s.getsockname()[1], file=sys.stderr, flush=True)
            fds.append(s.detach())
        # Out of the way first, so that moving one to 3 + i cannot overwrite another.
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 100) for fd in fds]
        for fd in fds:
            os.close(fd)
        for index, fd in enumerate(high):
            os.dup2(fd, 3 + index, inheritable=True)
            os.close(fd)
        env = dict(os.environ)
        env["LISTEN_FDS"] = str(len(kinds))
        env["LISTEN_PID"] = env.pop("TEST_LISTEN_PID", str(os.getpid()))
        os.execve(tool, [tool, "listen-fds"], env)
        """
}
