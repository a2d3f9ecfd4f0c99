import Systemd
import Testing

@Suite("Journal field names")
struct JournalFieldNameTests {
    @Test(
        "Uppercase letters, digits and underscores make a field name",
        arguments: ["BEARERD_ROUTE", "A", "X9", "CODE_LINE", String(repeating: "A", count: 64)])
    func validNames(name: String) {
        #expect(JournalFieldName(name)?.rawValue == name)
    }

    @Test(
        "Names journald would drop or reserve are refused",
        arguments: [
            "", "_PID", "_", "9LIVES", "route", "Bearerd_Route", "BEARERD-ROUTE", "BEARERD ROUTE", "BEARERD=ROUTE",
            "ÄRGER", String(repeating: "A", count: 65),
        ])
    func invalidNames(name: String) {
        #expect(JournalFieldName(name) == nil)
    }

    @Test(
        "A log key becomes a BEARERD_ field",
        arguments: [
            ("route", "BEARERD_ROUTE"), ("credential", "BEARERD_CREDENTIAL"), ("retryIn", "BEARERD_RETRY_IN"),
            ("content-type", "BEARERD_CONTENT_TYPE"), ("status2", "BEARERD_STATUS2"), ("URL", "BEARERD_URL"),
            ("httpURL", "BEARERD_HTTP_URL"), ("a.b", "BEARERD_A_B"),
        ])
    func bearerdKeys(key: String, name: String) {
        #expect(JournalFieldName(bearerdKey: key)?.rawValue == name)
    }

    @Test("An empty key, or one too long for journald, has no field")
    func keysWithoutField() {
        #expect(JournalFieldName(bearerdKey: "") == nil)
        let longest = String(
            repeating: "k", count: JournalFieldName.maximumLength - JournalFieldName.bearerdPrefix.count)
        #expect(JournalFieldName(bearerdKey: longest) != nil)
        #expect(JournalFieldName(bearerdKey: longest + "k") == nil)
    }
}
