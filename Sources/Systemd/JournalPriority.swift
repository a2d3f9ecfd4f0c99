/// `PRIORITY=`: the syslog level of a journal entry, 0 (emergency) to 7 (debug)
/// (`systemd.journal-fields(7)`, `syslog(3)`). `journalctl -p warning` shows levels 0 to 4.
package enum JournalPriority: Int32, Sendable, Equatable, CaseIterable {
    case emergency = 0
    case alert = 1
    case critical = 2
    case error = 3
    case warning = 4
    case notice = 5
    case info = 6
    case debug = 7
}
