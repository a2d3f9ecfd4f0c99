import CSystemd
import Glibc

/// Writes structured entries to journald through its native protocol (`sd_journal_sendv`, see
/// `sd_journal_print(3)`). Use it when `JournalStream.isStderrConnectedToJournal()` says stderr goes
/// to the journal anyway; on a terminal, write lines to stderr instead.
package enum Journal {
    /// Sends `entry` as one datagram to `/run/systemd/journal/socket`.
    ///
    /// When journald is not running libsystemd drops the entry and reports success. Thread-safe
    /// (`sd_journal_print(3)`: "All functions listed here are thread-safe").
    /// - Throws: `SystemdError` when the journal refused it (e.g. `EAGAIN`: its buffer is full).
    ///   A logger should drop the entry then: there is nowhere better to report it.
    package static func send(_ entry: JournalEntry) throws(SystemdError) {
        let payloads = entry.payloads
        // One buffer for all payloads, so the iovecs point into memory that lives through the call.
        let bytes = payloads.flatMap { $0 }
        let result = bytes.withUnsafeBytes { buffer -> Int32 in
            var vectors: [iovec] = []
            vectors.reserveCapacity(payloads.count)
            var offset = 0
            for payload in payloads {
                let base = UnsafeMutableRawPointer(mutating: buffer.baseAddress! + offset)
                vectors.append(iovec(iov_base: base, iov_len: payload.count))
                offset += payload.count
            }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
        guard result >= 0 else { throw SystemdError("sd_journal_sendv", returned: result) }
    }
}
