import Systemd
import Testing

@Suite("sd_notify messages")
struct NotifyFieldTests {
    @Test(
        "Each field is written as sd_notify(3) names it",
        arguments: [
            (NotifyField.ready, "READY=1"),
            (.reloading(monotonicTime: .seconds(12) + .microseconds(345)), "RELOADING=1\nMONOTONIC_USEC=12000345"),
            (.stopping, "STOPPING=1"),
            (.status("3 routes, 2/2 credentials valid"), "STATUS=3 routes, 2/2 credentials valid"),
            (.watchdog, "WATCHDOG=1"),
            (.extendTimeout(.seconds(10)), "EXTEND_TIMEOUT_USEC=10000000"),
            (.errno(2), "ERRNO=2"),
        ])
    func fieldText(field: NotifyField, text: String) {
        #expect(NotifyField.message([field]) == text)
    }

    @Test("The fields of one message are separated by newlines, in order")
    func messageJoinsFields() {
        #expect(NotifyField.message([.ready, .status("serving")]) == "READY=1\nSTATUS=serving")
        #expect(
            NotifyField.message([.reloading(monotonicTime: .microseconds(7)), .status("reloading")])
                == "RELOADING=1\nMONOTONIC_USEC=7\nSTATUS=reloading")
    }

    @Test(
        "A status stays on one line whatever control characters it holds",
        arguments: [
            (
                "credential \"k8s\": refresh failed\n(issuer answered 500)",
                "credential \"k8s\": refresh failed (issuer answered 500)"
            ),
            ("a\r\n\r\nb", "a b"),
            ("\n\tleading and trailing\r\n", "leading and trailing"),
            ("nul\u{0}inside", "nul inside"),
            ("del\u{7F}and c1\u{85}next", "del and c1 next"),
            ("  spaces are kept  ", "  spaces are kept  "),
            ("\n\n", ""),
        ])
    func statusIsOneLine(input: String, line: String) {
        #expect(NotifyField.status(input).assignments == "STATUS=\(line)")
    }

    @Test("A long status is cut at a character boundary and ends with an ellipsis")
    func longStatusIsCut() {
        let text = String(repeating: "é", count: 2000)  // 2 bytes each
        let status = String(NotifyField.status(text).assignments.dropFirst("STATUS=".count))
        #expect(status.utf8.count <= NotifyField.statusByteLimit)
        #expect(status.utf8.count > NotifyField.statusByteLimit - 3)
        #expect(status.hasSuffix("…"))
        #expect(status.dropLast().allSatisfy { $0 == "é" })
    }

    @Test("A status at the limit is sent whole")
    func statusAtTheLimitIsWhole() {
        let text = String(repeating: "x", count: NotifyField.statusByteLimit)
        #expect(NotifyField.status(text).assignments == "STATUS=\(text)")
    }

    @Test(
        "EXTEND_TIMEOUT_USEC rounds up to whole microseconds and is never negative",
        arguments: [
            (Duration.milliseconds(1500), "1500000"),
            (.nanoseconds(1), "1"),
            (.nanoseconds(1001), "2"),
            (.zero, "0"),
            (.seconds(-5), "0"),
            (.seconds(Int64.max), "\(UInt64.max)"),
        ])
    func extendTimeoutMicroseconds(duration: Duration, microseconds: String) {
        #expect(NotifyField.extendTimeout(duration).assignments == "EXTEND_TIMEOUT_USEC=\(microseconds)")
    }

    @Test("MONOTONIC_USEC counts whole microseconds that have passed")
    func monotonicMicrosecondsTruncate() {
        #expect(
            NotifyField.reloading(monotonicTime: .nanoseconds(1999)).assignments == "RELOADING=1\nMONOTONIC_USEC=1")
    }
}
