import Glibc
import TestSupport
import Testing

/// deploy/install.sh run into a temporary DESTDIR, as a packager would.
@Suite("deploy/install.sh")
struct InstallScriptTests {
    static let script = "\(packageRoot)/deploy/install.sh"

    @Test("install.sh puts the binary, both units and the example configuration in place under DESTDIR")
    func installsEverything() throws {
        let destination = try TemporaryDirectory(prefix: "bearerd-install")
        let binary = try BearerdProcess.binaryPath()
        let result = try install(into: destination, arguments: ["--binary", binary])
        #expect(result.status == .exited(0), "\(result.stderr)")
        #expect(result.stdout.contains("DESTDIR set: skipped systemctl daemon-reload"))

        let root = destination.path
        #expect(try mode(of: "\(root)/usr/local/bin/bearerd") == 0o755)
        #expect(try size(of: "\(root)/usr/local/bin/bearerd") == size(of: binary))
        for name in ["bearerd.service", "bearerd.socket"] {
            #expect(try mode(of: "\(root)/etc/systemd/system/\(name)") == 0o644)
            #expect(try readText("\(root)/etc/systemd/system/\(name)") == readText("\(packageRoot)/deploy/\(name)"))
        }
        #expect(try mode(of: "\(root)/etc/bearerd/bearerd.json5") == 0o644)
        #expect(try readText("\(root)/etc/bearerd/bearerd.json5") == readText("\(packageRoot)/deploy/bearerd.json5"))
        #expect(try mode(of: "\(root)/etc/bearerd/credentials") == 0o700)
    }

    @Test("Running install.sh again keeps an edited configuration")
    func keepsConfiguration() throws {
        let destination = try TemporaryDirectory(prefix: "bearerd-install")
        let binary = try BearerdProcess.binaryPath()
        try #require(try install(into: destination, arguments: ["--binary", binary]).status == .exited(0))
        let edited = "{ routes: [] }  // mine\n"
        try destination.write("etc/bearerd/bearerd.json5", edited, mode: 0o640)

        let again = try install(into: destination, arguments: ["--binary", binary])
        #expect(again.status == .exited(0), "\(again.stderr)")
        #expect(again.stdout.contains("kept existing \(destination.path)/etc/bearerd/bearerd.json5"))
        #expect(try readText(destination.path("etc/bearerd/bearerd.json5")) == edited)
        #expect(try mode(of: destination.path("etc/bearerd/bearerd.json5")) == 0o640)
    }

    @Test("--prefix moves the binary, and the service's ExecStart= follows it")
    func prefixMovesExecStart() throws {
        let destination = try TemporaryDirectory(prefix: "bearerd-install")
        let result = try install(
            into: destination, arguments: ["--binary", try BearerdProcess.binaryPath(), "--prefix", "/opt/bearerd"])
        #expect(result.status == .exited(0), "\(result.stderr)")
        #expect(access(destination.path("opt/bearerd/bin/bearerd"), X_OK) == 0)
        let unit = UnitFile(try readText(destination.path("etc/systemd/system/bearerd.service")))
        #expect(unit["Service.ExecStart"] == "/opt/bearerd/bin/bearerd run --config /etc/bearerd/bearerd.json5")
    }

    @Test(
        "A relative or unusual prefix is refused before anything is written",
        arguments: ["opt", "/opt/my bearerd", "/opt/#x"])
    func refusesPrefix(prefix: String) throws {
        let destination = try TemporaryDirectory(prefix: "bearerd-install")
        let result = try install(
            into: destination, arguments: ["--binary", try BearerdProcess.binaryPath(), "--prefix", prefix])
        #expect(result.status == .exited(2))
        #expect(result.stderr.contains("--prefix"))
        #expect(access(destination.path("etc"), F_OK) != 0)
    }

    @Test("A missing binary is reported with how to build it")
    func missingBinary() throws {
        let destination = try TemporaryDirectory(prefix: "bearerd-install")
        let result = try install(into: destination, arguments: ["--binary", destination.path("nothing")])
        #expect(result.status == .exited(1))
        #expect(result.stderr.contains("swift build -c release"))
        #expect(access(destination.path("etc"), F_OK) != 0)
    }

    private func install(into destination: TemporaryDirectory, arguments: [String]) throws -> ChildResult {
        try ChildProcess.run(
            "/bin/sh", arguments: [Self.script] + arguments,
            environment: ChildProcess.defaultEnvironment(adding: ["DESTDIR": destination.path]))
    }

    private func mode(of path: String) throws -> mode_t {
        var status = stat()
        try #require(stat(path, &status) == 0, "stat \(path)")
        return status.st_mode & 0o7777
    }

    private func size(of path: String) throws -> Int {
        var status = stat()
        try #require(stat(path, &status) == 0, "stat \(path)")
        return Int(status.st_size)
    }
}
