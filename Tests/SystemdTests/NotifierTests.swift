import Glibc
import Systemd
import TestSupport
import Testing

/// The real sd_notify protocol: a child process sends through libsystemd to a datagram socket the
/// test owns, as systemd's would be.
@Suite("Notifier")
struct NotifierTests {
    @Test("Each notification reaches NOTIFY_SOCKET as exactly one datagram")
    func exactDatagrams() throws {
        let notify = try NotifySocket()
        let output = try SystemdTool.run(
            [
                "notify", "ready", "ready=3 routes, 2/2 credentials valid", "stopping=stopping, 4 requests in flight",
                "status=credential \"k8s\": refresh failed\n(issuer answered 500)", "watchdog", "extend=10000000",
                "errno=2",
            ],
            environment: ["NOTIFY_SOCKET": notify.path])

        #expect(
            output == [
                "ready: sent", "ready: sent", "stopping: sent", "status: sent", "watchdog: sent",
                "extend: sent", "errno: sent",
            ])
        var datagrams: [String] = []
        for _ in 0..<7 { datagrams.append(try #require(try notify.receive())) }
        #expect(
            datagrams == [
                "READY=1",
                "READY=1\nSTATUS=3 routes, 2/2 credentials valid",
                "STOPPING=1\nSTATUS=stopping, 4 requests in flight",
                "STATUS=credential \"k8s\": refresh failed (issuer answered 500)",
                "WATCHDOG=1",
                "EXTEND_TIMEOUT_USEC=10000000",
                "ERRNO=2",
            ])
        #expect(try notify.receive(timeout: .milliseconds(50)) == nil)
    }

    @Test("RELOADING=1 carries the CLOCK_MONOTONIC time at which the reload began")
    func reloadingCarriesMonotonicTime() throws {
        let notify = try NotifySocket()
        let before = microseconds(MonotonicTime.now())
        let output = try SystemdTool.run(
            ["notify", "reloading=reloading configuration", "ready"], environment: ["NOTIFY_SOCKET": notify.path])
        let after = microseconds(MonotonicTime.now())

        #expect(output == ["reloading: sent", "ready: sent"])
        let reloading = try #require(try notify.receive()).split(separator: "\n").map(String.init)
        #expect(reloading.count == 3)
        #expect(reloading.first == "RELOADING=1")
        #expect(reloading.last == "STATUS=reloading configuration")
        let stamp = try #require(reloading.dropFirst().first)
        #expect(stamp.hasPrefix("MONOTONIC_USEC="))
        let sent = try #require(UInt64(stamp.dropFirst("MONOTONIC_USEC=".count)))
        #expect((before...after).contains(sent))
        #expect(try notify.receive() == "READY=1")
    }

    @Test("Without NOTIFY_SOCKET nothing is sent and nothing fails")
    func withoutNotifySocket() throws {
        let output = try SystemdTool.run(["notify", "ready", "watchdog", "reloading"])
        #expect(output == ["ready: not sent", "watchdog: not sent", "reloading: not sent"])
    }

    @Test("A NOTIFY_SOCKET nobody listens on is an error the daemon can log")
    func unreachableNotifySocket() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-notify")
        let output = try SystemdTool.run(
            ["notify", "ready"], environment: ["NOTIFY_SOCKET": directory.path("nobody.sock")])
        #expect(output == ["ready: error: sd_notify: No such file or directory"])
    }

    private func microseconds(_ duration: Duration) -> UInt64 {
        UInt64(duration.components.seconds) * 1_000_000 + UInt64(duration.components.attoseconds / 1_000_000_000_000)
    }
}
