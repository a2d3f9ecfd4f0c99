/// One structured journal entry: `MESSAGE=`, `PRIORITY=`, `SYSLOG_IDENTIFIER=bearerd` and bearerd's
/// own fields (`BEARERD_ROUTE=`, `BEARERD_CREDENTIAL=`, ...), so that `journalctl
/// BEARERD_CREDENTIAL=k8s` finds every line about one credential.
///
/// Values are bytes as far as the journal is concerned: one with a line break stays one field
/// (`sd_journal_sendv` switches to the binary-safe form of the native protocol for it).
package struct JournalEntry: Sendable, Equatable {
    /// What `SYSLOG_IDENTIFIER=` says (`journalctl -t bearerd`). Without it libsystemd would use the
    /// executable's name, which differs in tests and renamed builds.
    package static let syslogIdentifier = "bearerd"

    package var message: String
    package var priority: JournalPriority
    package var fields: [JournalField]

    package init(message: String, priority: JournalPriority, fields: [JournalField] = []) {
        self.message = message
        self.priority = priority
        self.fields = fields
    }

    /// The `NAME=value` payloads in the order they are sent: MESSAGE, PRIORITY, SYSLOG_IDENTIFIER,
    /// then `fields`.
    package var payloads: [[UInt8]] {
        var payloads: [[UInt8]] = []
        payloads.reserveCapacity(3 + fields.count)
        payloads.append(Array("MESSAGE=\(message)".utf8))
        payloads.append(Array("PRIORITY=\(priority.rawValue)".utf8))
        payloads.append(Array("SYSLOG_IDENTIFIER=\(Self.syslogIdentifier)".utf8))
        for field in fields { payloads.append(Array("\(field.name.rawValue)=\(field.value)".utf8)) }
        return payloads
    }
}

/// A journal field: a valid name and any value (line breaks included).
package struct JournalField: Sendable, Equatable {
    package var name: JournalFieldName
    package var value: String

    package init(_ name: JournalFieldName, _ value: String) {
        self.name = name
        self.value = value
    }
}
