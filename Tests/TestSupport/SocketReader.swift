/// Buffered reads from a socket with a deadline on every wait: lines, exact counts, what one recv gave,
/// everything up to the end of the stream.
///
/// A nil deadline waits for ever; servers use that and are woken by `shutdown` when they stop.
struct SocketReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// True once the peer ended the stream (FIN or RST).
    private(set) var reachedEnd = false
    /// True if the end was a reset (ECONNRESET) rather than an orderly close.
    private(set) var wasReset = false

    init(fd: Int32) {
        self.fd = fd
    }

    /// Bytes received but not consumed yet.
    var buffered: ArraySlice<UInt8> { buffer[start...] }

    /// Reads more bytes into the buffer; false at end of stream. Throws `.timeout` at the deadline,
    /// naming `what` and the unconsumed bytes.
    mutating func fill(deadline: Deadline?, waitingFor what: @autoclosure () -> String) throws -> Bool {
        if reachedEnd { return false }
        guard try Socket.waitReadable(fd, deadline: deadline) else {
            throw TestSupportError(.timeout, "timed out waiting for \(what()); unconsumed bytes: \(quoted(buffered))")
        }
        let (bytes, reset) = try Socket.receive(fd)
        if bytes.isEmpty {
            reachedEnd = true
            wasReset = reset
            return false
        }
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
        return true
    }

    /// One line without its CRLF (a bare LF also ends a line; the peers record, not judge, that).
    /// Nil at end of stream when nothing of a line arrived; `.closed` if the stream ended mid-line,
    /// `.protocolViolation` if the line exceeds `limit`.
    mutating func readLine(deadline: Deadline?, limit: Int = 65536) throws -> [UInt8]? {
        var scanned = 0  // bytes after `start` known to hold no LF; `fill` may move `start`
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                return line
            }
            scanned = buffer.count - start
            guard buffer.count - start <= limit else {
                throw TestSupportError(.protocolViolation, "line longer than \(limit) bytes: \(quoted(buffered))")
            }
            guard try fill(deadline: deadline, waitingFor: "a line") else {
                if start == buffer.count { return nil }
                throw TestSupportError(.closed, "connection closed in the middle of a line: \(quoted(buffered))")
            }
        }
    }

    /// Hands exactly `count` bytes to `consume`, piece by piece as they arrive.
    mutating func read(count: Int, deadline: Deadline?, into consume: (ArraySlice<UInt8>) -> Void) throws {
        var left = count
        while left > 0 {
            if start == buffer.count {
                guard try fill(deadline: deadline, waitingFor: "\(left) more body bytes") else {
                    throw TestSupportError(.closed, "connection closed with \(left) of \(count) body bytes missing")
                }
            }
            let take = min(left, buffer.count - start)
            consume(buffer[start..<(start + take)])
            start += take
            left -= take
        }
    }

    /// What is buffered, or else what one recv gives; nil at end of stream.
    mutating func readAvailable(deadline: Deadline?) throws -> [UInt8]? {
        if start == buffer.count {
            guard try fill(deadline: deadline, waitingFor: "more bytes") else { return nil }
        }
        defer { start = buffer.count }
        return Array(buffer[start...])
    }

    /// Hands everything to `consume` until the stream ends.
    mutating func readToEnd(deadline: Deadline?, into consume: (ArraySlice<UInt8>) -> Void) throws {
        while let bytes = try readAvailable(deadline: deadline) {
            consume(bytes[...])
        }
    }
}

/// Bytes shown for a failure message: printable ASCII as is, the rest escaped, long input cut.
package func quoted(_ bytes: some Collection<UInt8>, limit: Int = 2048) -> String {
    var text = "\""
    for byte in bytes.prefix(limit) {
        switch byte {
        case 0x0D: text += "\\r"
        case 0x0A: text += "\\n"
        case 0x09: text += "\\t"
        case 0x22: text += "\\\""
        case 0x5C: text += "\\\\"
        case 0x20...0x7E: text.unicodeScalars.append(Unicode.Scalar(byte))
        default: text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    text += "\""
    if bytes.count > limit { text += " (\(bytes.count - limit) more bytes)" }
    return text
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
