import Config
import Synchronization
import Glibc

extension LogLevel: Comparable {
    package static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .debug: 0
        case .info: 1
        case .warning: 2
        case .error: 3
        }
    }
}

/// One log entry: a constant message and the variables as fields (STYLE: structured logging). A field
/// value is never a secret: credentials are named, not shown.
package struct LogEntry: Sendable {
    package var level: LogLevel
    package var message: String
    package var fields: KeyValuePairs<String, String>
}

/// The level shared by a logger's copies.
private final class LogThreshold: Sendable {
    private let rank: Atomic<Int>

    init(_ level: LogLevel) {
        rank = Atomic(LogLevel.allCases.firstIndex(of: level) ?? 1)
    }

    var level: LogLevel {
        get { LogLevel.allCases[rank.load(ordering: .relaxed)] }
        set { rank.store(LogLevel.allCases.firstIndex(of: newValue) ?? 1, ordering: .relaxed) }
    }
}

/// Where entries go: stderr as readable lines, or journald (the systemd layer provides that sink).
package protocol LogSink: Sendable {
    func write(_ entry: LogEntry)
}

/// The logger handed to every part of the shell. Cheap to copy; copies share one level, so a reload
/// that changes `logLevel` reaches all of them. The level check happens before any formatting.
package struct Logger: Sendable {
    private let threshold: LogThreshold
    package var sink: LogSink

    package init(level: LogLevel, sink: LogSink = StderrLogSink()) {
        threshold = LogThreshold(level)
        self.sink = sink
    }

    package var level: LogLevel {
        get { threshold.level }
        nonmutating set { threshold.level = newValue }
    }

    @inline(__always)
    package func log(_ level: LogLevel, _ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard level >= threshold.level else { return }
        sink.write(LogEntry(level: level, message: message, fields: fields))
    }

    package func debug(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        log(.debug, message, fields)
    }

    package func info(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        log(.info, message, fields)
    }

    package func warning(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        log(.warning, message, fields)
    }

    package func error(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        log(.error, message, fields)
    }
}

/// Lines like `2026-12-04T17:10:38.123Z info listening address=127.0.0.1:8750` on stderr. One `write`
/// per line, so lines from several threads never interleave.
package struct StderrLogSink: LogSink {
    /// Without timestamps when something else adds them (journald reading our stderr).
    package var timestamps: Bool

    package init(timestamps: Bool = true) {
        self.timestamps = timestamps
    }

    package func write(_ entry: LogEntry) {
        var line = ""
        line.reserveCapacity(128)
        if timestamps {
            line += Self.timestamp()
            line += " "
        }
        line += entry.level.rawValue
        line += " "
        line += entry.message
        for (key, value) in entry.fields {
            line += " "
            line += key
            line += "="
            line += LogFormat.quotedIfNeeded(value)
        }
        line += "\n"
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(2, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    private static func timestamp() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var time = tm()
        var seconds = spec.tv_sec
        gmtime_r(&seconds, &time)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(time.tm_year + 1900, 4))-\(pad(time.tm_mon + 1, 2))-\(pad(time.tm_mday, 2))T"
            + "\(pad(time.tm_hour, 2)):\(pad(time.tm_min, 2)):\(pad(time.tm_sec, 2))."
            + "\(pad(Int32(spec.tv_nsec / 1_000_000), 3))Z"
    }
}

package enum LogFormat {
    /// A field value as written in a plain log line: bare when it is one word, else in double quotes
    /// with `"`, `\` and control characters escaped (a value from the network cannot forge a line).
    package static func quotedIfNeeded(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.utf8.contains { byte in
            byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "\\")
        }
        guard needsQuotes else { return value }
        return "\"" + QuotedText.escaped(value) { "\\x" + String($0, radix: 16) } + "\""
    }
}
