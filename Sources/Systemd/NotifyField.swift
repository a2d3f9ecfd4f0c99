/// One assignment of the sd_notify protocol (`sd_notify(3)`, "Well-known assignments"). A datagram is
/// several of them, one per line: `NotifyField.message([.ready, .status("serving")])` is
/// `READY=1\nSTATUS=serving`, so the service manager sees the state change and its description at once.
package enum NotifyField: Sendable, Equatable {
    /// `READY=1`: start-up finished, or (after `reloading`) the reload finished.
    case ready
    /// `RELOADING=1` and `MONOTONIC_USEC=`: a reload begins; `ready` must follow when it is done.
    /// `monotonicTime` is CLOCK_MONOTONIC when the reload began (`MonotonicTime.now()`); systemd ≥ 253
    /// with `Type=notify-reload` requires it to tell this reload from an earlier one, and older
    /// versions ignore it.
    case reloading(monotonicTime: Duration)
    /// `STOPPING=1`: shutdown begins.
    case stopping
    /// `STATUS=`: a single line describing the state, shown by `systemctl status`. Control characters
    /// (line breaks included) become spaces and the text is cut at `statusByteLimit`.
    case status(String)
    /// `WATCHDOG=1`: the keep-alive ping for `WatchdogSec=`.
    case watchdog
    /// `EXTEND_TIMEOUT_USEC=`: the start, runtime or stop timeout of the current state is extended so
    /// that it ends no sooner than this long from now; another message must come within that time.
    /// Rounded up to whole microseconds; a negative duration counts as zero.
    case extendTimeout(Duration)
    /// `ERRNO=`: the errno-style code of a failure, sent before exiting with an error.
    case errno(Int32)

    /// A `STATUS=` longer than this is cut (with `…`). systemd drops a whole notification larger than
    /// its buffer (4096 bytes in systemd 252, `NOTIFY_BUFFER_MAX`); this leaves room for the other
    /// assignments of the same datagram.
    package static let statusByteLimit = 1024

    /// The datagram for `fields`, assignments separated by `\n` (`sd_notify(3)`: "a newline-separated
    /// list of variable assignments").
    package static func message(_ fields: [NotifyField]) -> String {
        fields.map(\.assignments).joined(separator: "\n")
    }

    /// This field's line (two lines for `reloading`).
    package var assignments: String {
        switch self {
        case .ready: "READY=1"
        case .reloading(let time): "RELOADING=1\nMONOTONIC_USEC=\(Self.microseconds(time, roundingUp: false))"
        case .stopping: "STOPPING=1"
        case .status(let text): "STATUS=\(Self.singleLine(text))"
        case .watchdog: "WATCHDOG=1"
        case .extendTimeout(let duration): "EXTEND_TIMEOUT_USEC=\(Self.microseconds(duration, roundingUp: true))"
        case .errno(let code): "ERRNO=\(code)"
        }
    }

    /// `sd_notify(3)` STATUS=: "a single-line UTF-8 status string". Each run of control characters
    /// between other characters becomes one space (a NUL would also end the C string early), those at
    /// either end are dropped, and a text over `statusByteLimit` bytes is cut at a character boundary
    /// and ends with `…`.
    static func singleLine(_ text: String) -> String {
        var line = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                pendingSpace = !line.isEmpty
                continue
            }
            if pendingSpace {
                line.unicodeScalars.append(" ")
                pendingSpace = false
            }
            line.unicodeScalars.append(scalar)
        }
        guard line.utf8.count > statusByteLimit else { return line }
        let ellipsis = "…"
        var cut = ""
        var length = ellipsis.utf8.count
        for character in line {
            length += character.utf8.count
            if length > statusByteLimit { break }
            cut.append(character)
        }
        return cut + ellipsis
    }

    /// Whole microseconds of `duration`, at least 0, at most `UInt64.max`.
    static func microseconds(_ duration: Duration, roundingUp: Bool) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        let perMicrosecond: Int64 = 1_000_000_000_000
        var fraction = UInt64(attoseconds / perMicrosecond)
        if roundingUp && attoseconds % perMicrosecond != 0 { fraction += 1 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000)
        let (total, carry) = whole.addingReportingOverflow(fraction)
        return overflow || carry ? UInt64.max : total
    }
}
