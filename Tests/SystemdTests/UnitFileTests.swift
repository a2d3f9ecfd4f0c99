import TestSupport
import Testing

@Suite("deploy/ units")
struct UnitFileTests {
    static let service = "\(packageRoot)/deploy/bearerd.service"
    static let socket = "\(packageRoot)/deploy/bearerd.socket"
    static let checkUnits = "\(packageRoot)/deploy/check-units.sh"

    @Test("systemd-analyze verify finds nothing in the units, and the service's exposure is at most 2.0")
    func systemdAnalyzeIsClean() throws {
        let result = try ChildProcess.run(Self.checkUnits, arguments: [try BearerdProcess.binaryPath()])
        #expect(result.status == .exited(0), "\(result.stderr)")
        #expect(result.stderr == "")
        let line = try #require(result.stdout.split(separator: "\n").last)
        #expect(line.hasPrefix("check-units: verify clean; exposure "))
        let exposure = try #require(Double(line.split(separator: " ")[4]))
        #expect(exposure <= 2.0)
    }

    @Test("check-units.sh fails on a key systemd does not know, though systemd-analyze verify exits 0")
    func unknownKeyFails() throws {
        let directory = try unitCopies { service in
            service.replacing("[Service]\n", with: "[Service]\nWatchDogSec=30s\n")
        }
        let result = try ChildProcess.run(
            Self.checkUnits, arguments: [try BearerdProcess.binaryPath(), directory.path])
        #expect(result.status == .exited(1))
        #expect(result.stderr.contains("Unknown key 'WatchDogSec' in section [Service]"), "\(result.stderr)")
    }

    @Test("check-units.sh fails a service whose exposure is above 2.0")
    func weakHardeningFails() throws {
        let directory = try unitCopies { service in
            let hardening = service.firstRange(of: "# Hardening.")!.lowerBound
            let install = service.firstRange(of: "[Install]")!.lowerBound
            return String(service[..<hardening] + service[install...])
        }
        let result = try ChildProcess.run(
            Self.checkUnits, arguments: [try BearerdProcess.binaryPath(), directory.path])
        #expect(result.status == .exited(1))
        #expect(result.stderr.contains("is above the limit 2.0"), "\(result.stderr)")
    }

    @Test("The service is Type=notify, reloads with SIGHUP, has a watchdog and outlasts the 30 s stop grace period")
    func serviceSettings() throws {
        let unit = UnitFile(try readText(Self.service))
        #expect(unit["Service.Type"] == "notify")
        #expect(unit["Service.ExecStart"] == "/usr/local/bin/bearerd run --config /etc/bearerd/bearerd.json5")
        #expect(unit["Service.ExecReload"] == "/bin/kill -HUP $MAINPID")
        #expect(unit["Service.WatchdogSec"] == "30s")
        #expect(unit["Service.Restart"] == "on-failure")
        #expect(unit["Service.DynamicUser"] == "yes")
        #expect(unit["Service.RuntimeDirectory"] == "bearerd")
        let stop = try #require(unit["Service.TimeoutStopSec"])
        #expect(stop.hasSuffix("s"))
        #expect(try #require(Int(stop.dropLast())) > 30)
        #expect(unit["Service.RestrictAddressFamilies"] == "AF_UNIX AF_INET AF_INET6")
        #expect(unit.settings["Service.SystemCallFilter"] == ["@system-service", "~@privileged @resources"])
        #expect(unit["Service.CapabilityBoundingSet"] == "")
        #expect(unit["Install.WantedBy"] == "multi-user.target")
    }

    @Test("The socket unit passes one named agent listener to one bearerd")
    func socketSettings() throws {
        let unit = UnitFile(try readText(Self.socket))
        #expect(unit.settings["Socket.ListenStream"] == ["127.0.0.1:8750"])
        #expect(unit["Socket.FileDescriptorName"] == "agent")
        #expect(unit["Socket.Accept"] == "no")
        #expect(unit["Install.WantedBy"] == "sockets.target")
    }

    /// A directory with the socket unit and the service unit as `edit` leaves it.
    private func unitCopies(_ edit: (String) -> String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "bearerd-units")
        try directory.write("bearerd.service", edit(try readText(Self.service)), mode: 0o644)
        try directory.write("bearerd.socket", try readText(Self.socket), mode: 0o644)
        return directory
    }
}
