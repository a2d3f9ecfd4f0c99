import Systemd
import Testing

@Suite("Watchdog")
struct WatchdogTests {
    @Test("WATCHDOG_USEC gives the interval, and bearerd pings at half of it")
    func intervalAndPing() throws {
        let output = try SystemdTool.run(["watchdog"], environment: ["WATCHDOG_USEC": "30000000"])
        #expect(output == ["interval=30000000us ping=15000000us"])
    }

    @Test("A watchdog for this very process (WATCHDOG_PID) is enabled")
    func watchdogForThisProcess() throws {
        let output = try SystemdTool.runInShell(
            #"WATCHDOG_PID=$$ exec "$0" "$@""#, ["watchdog"], environment: ["WATCHDOG_USEC": "2000000"])
        #expect(output == ["interval=2000000us ping=1000000us"])
    }

    @Test("A watchdog meant for another process is ignored")
    func watchdogForAnotherProcess() throws {
        let output = try SystemdTool.run(["watchdog"], environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"])
        #expect(output == ["disabled"])
    }

    @Test("Without WATCHDOG_USEC there is no watchdog")
    func noWatchdog() throws {
        #expect(try SystemdTool.run(["watchdog"]) == ["disabled"])
    }

    @Test("A malformed WATCHDOG_USEC is an error, not a watchdog")
    func malformedInterval() throws {
        let output = try SystemdTool.run(["watchdog"], environment: ["WATCHDOG_USEC": "soon"])
        #expect(output == ["error: sd_watchdog_enabled: Invalid argument"])
    }

    @Test("The ping interval is half the watchdog interval, to the nanosecond")
    func pingInterval() {
        #expect(Watchdog(interval: .seconds(30)).pingInterval == .seconds(15))
        #expect(Watchdog(interval: .microseconds(3)).pingInterval == .nanoseconds(1500))
    }
}
