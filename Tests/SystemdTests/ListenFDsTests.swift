import Systemd
import TestSupport
import Testing

/// Socket activation as systemd does it: the sockets at descriptors 3, 4, ... and LISTEN_FDS,
/// LISTEN_PID and LISTEN_FDNAMES in the environment; first through systemd's own
/// `systemd-socket-activate`, then through `PassSockets` for what it cannot make.
@Suite("ListenFDs")
struct ListenFDsTests {
    @Test("Sockets passed by systemd-socket-activate are taken with their names, non-blocking and close-on-exec")
    func namedSocketsFromSystemdSocketActivate() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-listen")
        let (agent, admin) = (directory.path("agent.sock"), directory.path("admin.sock"))
        let output = try socketActivated(["-l", agent, "-l", admin, "--fdname=agent:admin"], connectTo: agent)
        #expect(
            output == [
                "fd=3 name=agent role=agent address=unix:\(agent) nonblocking cloexec",
                "fd=4 name=admin role=admin address=unix:\(admin) nonblocking cloexec",
                "env=",
            ])
    }

    @Test("Sockets without names are agent listeners")
    func unnamedSocketsAreAgentListeners() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-listen")
        let path = directory.path("agent.sock")
        let output = try socketActivated(["-l", path], connectTo: path)
        #expect(output == ["fd=3 name=unknown role=agent address=unix:\(path) nonblocking cloexec", "env="])
    }

    @Test("TCP listeners report their numeric address and port; a socket unit's default name means agent")
    func tcpListeners() throws {
        let passed = try PassSockets.run(["tcp4", "tcp6"], names: "bearerd.socket:admin")
        let (port4, port6) = (try passed.port(0), try passed.port(1))
        #expect(
            passed.output == [
                "fd=3 name=bearerd.socket role=agent address=127.0.0.1:\(port4) nonblocking cloexec",
                "fd=4 name=admin role=admin address=[::1]:\(port6) nonblocking cloexec",
                "env=",
            ])
    }

    @Test("Sockets meant for another process (LISTEN_PID) are not taken, and the variables are cleared")
    func otherProcessesSockets() throws {
        let passed = try PassSockets.run(["tcp4"], names: "agent", listenPID: "1")
        #expect(passed.output == ["env="])
    }

    @Test("A descriptor that is not a listening stream socket is refused with a hint at the unit")
    func notListeningStreamSockets() throws {
        let passed = try PassSockets.run(["dgram", "unlistened", "file"], names: "agent:agent:agent")
        #expect(
            passed.output == [
                "error: descriptor 3 (\"agent\"): not a listening stream socket; use ListenStream= with Accept=no; "
                    + "descriptor 4 (\"agent\"): not a listening stream socket; use ListenStream= with Accept=no; "
                    + "descriptor 5 (\"agent\"): not a listening stream socket; use ListenStream= with Accept=no",
                "env=",
            ])
    }

    @Test("A name bearerd does not know is refused rather than served as an agent listener")
    func unknownName() throws {
        let passed = try PassSockets.run(["tcp4", "tcp4"], names: "agent:amdin")
        #expect(
            passed.output == [
                "error: descriptor 4 (\"amdin\"): unknown name; "
                    + "use FileDescriptorName=agent or admin in the .socket unit",
                "env=",
            ])
    }

    @Test("LISTEN_FDNAMES with more names than sockets is an error")
    func namesAndSocketsDisagree() throws {
        let passed = try PassSockets.run(["tcp4"], names: "agent:admin")
        #expect(passed.output == ["error: sd_listen_fds_with_names: Invalid argument", "env="])
    }

    /// Runs `systemd-socket-activate ARGS SystemdTestTool listen-fds`, which execs the tool on the
    /// first connection, and makes that connection once it listens.
    private func socketActivated(_ arguments: [String], connectTo path: String) throws -> [String] {
        let activator = try ChildProcess(
            "systemd-socket-activate", arguments: arguments + [try SystemdTool.path(), "listen-fds"],
            environment: ChildProcess.defaultEnvironment())
        let sockets = arguments.filter { $0 == "-l" }.count
        try activator.waitForLines(in: .stderr, count: sockets) { $0.hasPrefix("Listening on ") }
        let client = try TestClient(unixPath: path)
        defer { client.close() }
        let status = try activator.waitForExit()
        try #require(status == .exited(0), "\(activator.output)")
        try activator.waitForLine(in: .stdout) { $0.hasPrefix("env=") }
        return activator.stdout.split(separator: "\n").map(String.init)
    }
}
