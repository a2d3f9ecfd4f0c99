import Glibc

/// Whether bearerd's stderr goes to the journal, so that it should log natively (`Journal`) instead of
/// writing lines.
///
/// `systemd.exec(5)`, `$JOURNAL_STREAM`: systemd sets it to the device and inode numbers of the
/// stream connected to the journal, "formatted in decimal, separated by a colon", and "the device
/// and inode numbers of the file descriptors should be compared with the values set in the
/// environment variable": the variable alone is not enough, because it is inherited by programs
/// whose stderr was redirected elsewhere (`bearerd check 2>out.txt` run from a service's shell).
package enum JournalStream {
    /// The variable systemd sets.
    package static let variable = "JOURNAL_STREAM"

    /// Whether file descriptor 2 is the stream `$JOURNAL_STREAM` names.
    package static func isStderrConnectedToJournal() -> Bool {
        isConnected(fd: 2, journalStream: getenv(variable).map { String(cString: $0) })
    }

    /// Whether `fd` is the stream `journalStream` (a `$JOURNAL_STREAM` value) names; false when the
    /// value is nil or malformed, or `fd` is not open.
    package static func isConnected(fd: Int32, journalStream: String?) -> Bool {
        guard let journalStream, let (device, inode) = parse(journalStream) else { return false }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }

    /// `DEVICE:INODE`, both decimal; nil for anything else (signs, spaces, empty parts, overflow).
    package static func parse(_ value: String) -> (device: UInt64, inode: UInt64)? {
        let parts = value.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2, let device = decimal(parts[0]), let inode = decimal(parts[1]) else { return nil }
        return (device, inode)
    }

    private static func decimal(_ digits: Substring.UTF8View.SubSequence) -> UInt64? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }
}
