import Config
import Systemd

/// Structured entries straight to journald (used when stderr is connected to the journal, as
/// `$JOURNAL_STREAM` tells): `MESSAGE=` is the message with its fields appended as on a terminal,
/// and each field is also its own `BEARERD_<KEY>=` field, so `journalctl BEARERD_CREDENTIAL=k8s`
/// finds every entry about one credential.
package struct JournalLogSink: LogSink {
    /// Where an entry goes when journald refuses it: the plain line is better than nothing.
    private let fallback = StderrLogSink(timestamps: false)

    package init() {}

    package func write(_ entry: LogEntry) {
        var message = entry.message
        var fields: [JournalField] = []
        for (key, value) in entry.fields {
            message += " \(key)=\(LogFormat.quotedIfNeeded(value))"
            if let name = JournalFieldName(bearerdKey: key) { fields.append(JournalField(name, value)) }
        }
        do {
            try Journal.send(JournalEntry(message: message, priority: Self.priority(entry.level), fields: fields))
        } catch {
            fallback.write(entry)
        }
    }

    static func priority(_ level: LogLevel) -> JournalPriority {
        switch level {
        case .debug: .debug
        case .info: .info
        case .warning: .warning
        case .error: .error
        }
    }
}

extension Logger {
    /// The logger for a daemon: journald when stderr goes to the journal, readable lines otherwise
    /// (with timestamps only on a terminal-like stderr that journald does not stamp).
    package static func forDaemon(level: LogLevel) -> Logger {
        JournalStream.isStderrConnectedToJournal()
            ? Logger(level: level, sink: JournalLogSink())
            : Logger(level: level, sink: StderrLogSink())
    }
}
