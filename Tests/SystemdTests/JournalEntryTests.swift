import Systemd
import Testing

@Suite("Journal entries")
struct JournalEntryTests {
    @Test("An entry sends MESSAGE, PRIORITY, SYSLOG_IDENTIFIER=bearerd, then its fields in order")
    func payloads() throws {
        let entry = JournalEntry(
            message: "refresh failed", priority: .warning,
            fields: [
                JournalField(try #require(JournalFieldName(bearerdKey: "credential")), "k8s"),
                JournalField(try #require(JournalFieldName("BEARERD_DETAIL")), "line one\nline two"),
            ])
        #expect(
            entry.payloads.map { String(decoding: $0, as: UTF8.self) } == [
                "MESSAGE=refresh failed", "PRIORITY=4", "SYSLOG_IDENTIFIER=bearerd", "BEARERD_CREDENTIAL=k8s",
                "BEARERD_DETAIL=line one\nline two",
            ])
    }

    @Test("Priorities are syslog's levels")
    func priorities() {
        #expect(JournalPriority.allCases.map(\.rawValue) == Array(0...7))
        #expect(JournalPriority.error.rawValue == 3)
        #expect(JournalPriority.info.rawValue == 6)
    }
}
