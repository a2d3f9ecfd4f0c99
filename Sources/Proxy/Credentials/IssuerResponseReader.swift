import Curl
import TokenCore

/// Collects an issuer's answer for `IssuerTokenSource`: the `Retry-After` of the final response and
/// a body of at most `TokenResponse.maximumSize` bytes. Larger bodies abort the transfer.
final class IssuerResponseReader: TransferDelegate {
    private(set) var retryAfter: String?
    private(set) var body: [UInt8] = []
    /// The body went past the limit; the transfer was aborted.
    private(set) var isTooLarge = false
    /// Called from `transferFinished`.
    var finished: ((TransferOutcome) -> Void)?

    /// Longer `Retry-After` values are not kept (a delay in seconds is a few digits, a date 29 bytes).
    static let maximumRetryAfterLength = 64

    func headerLineReceived(_ line: UnsafeRawBufferPointer) -> Bool {
        let bytes = line.bindMemory(to: UInt8.self)
        if bytes.starts(with: Self.statusLinePrefix) {
            // A new response head (after a 100 Continue): only the final one counts.
            retryAfter = nil
        } else if let value = Self.value(of: Self.retryAfterName, in: bytes),
            value.count <= Self.maximumRetryAfterLength
        {
            retryAfter = String(decoding: value, as: UTF8.self)
        }
        return true
    }

    func bodyReceived(_ bytes: UnsafeRawBufferPointer) -> BodyReceipt {
        guard body.count + bytes.count <= TokenResponse.maximumSize else {
            isTooLarge = true
            return .abort
        }
        body.append(contentsOf: bytes)
        return .consumed
    }

    func uploadBytesWanted(into buffer: UnsafeMutableRawBufferPointer) -> UploadReply {
        .end
    }

    func transferFinished(_ outcome: TransferOutcome) {
        finished?(outcome)
    }

    /// Overwrites the body, which may hold a token.
    func clear() {
        body.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = 0 }
        }
        body = []
    }

    private static let statusLinePrefix = Array("HTTP/".utf8)
    private static let retryAfterName = Array("retry-after".utf8)

    /// The value of header line `line` when its name is `name` (lower case), without surrounding
    /// whitespace and the line end.
    private static func value(of name: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt8>? {
        guard line.count > name.count, line[name.count] == UInt8(ascii: ":") else { return nil }
        for (index, byte) in name.enumerated() {
            let received = line[index]
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(received) ? received + 0x20 : received
            guard lowered == byte else { return nil }
        }
        var value = Array(line[(name.count + 1)...])[...]
        while let last = value.last, last == 0x20 || last == 0x09 || last == 0x0D || last == 0x0A { value.removeLast() }
        while let first = value.first, first == 0x20 || first == 0x09 { value.removeFirst() }
        return value
    }
}
