/// bearerd's strict, incremental HTTP/1.1 request parser (RFC 9112): bytes in, one event per call.
///
/// Sans-I/O: it never reads a socket or holds a body; it tells the caller where the head ends and
/// where body bytes lie in the caller's buffer. Ambiguous framing (the raw material of request
/// smuggling) is rejected rather than guessed at, so that bearerd and the upstream can never read
/// different messages from the same bytes.
package struct RequestParser {
    private enum Phase {
        case head
        case fixedLength
        case chunked
        /// The body is done; the next call reports `.end`.
        case messageEnd
        case failed(HTTPParseError)
    }

    package let limits: HTTPParserLimits
    private var phase = Phase.head
    private var scanner: HeadScanner
    /// Body bytes still to come for `.fixedLength`.
    private var remaining: Int64 = 0
    private var chunks: ChunkedDecoder

    package init(limits: HTTPParserLimits = .init()) {
        self.limits = limits
        scanner = HeadScanner(limits: limits)
        chunks = ChunkedDecoder(limits: limits, headSectionBytes: 0, headFieldCount: 0)
    }

    /// Reads the next step of the request stream from `unconsumed`.
    ///
    /// Contract: `unconsumed` holds the bytes the caller has not yet seen consumed, starting at the
    /// first byte not consumed by an earlier call; between calls the caller may append bytes but
    /// must not change that prefix. The parser remembers how far it already scanned, so total work
    /// stays O(n) when called again after every append, a byte at a time included. A head is
    /// consumed whole when complete, so the caller holds at most one head (bounded by the limits)
    /// plus what it appended; body bytes are handed out as they arrive and never held here.
    package mutating func parse(_ unconsumed: UnsafeBufferPointer<UInt8>) -> ParseStep {
        switch phase {
        case .head:
            return parseHead(unconsumed)
        case .fixedLength:
            guard !unconsumed.isEmpty else { return ParseStep(event: .needMore, consumed: 0) }
            let count = Int(min(remaining, Int64(unconsumed.count)))
            remaining -= Int64(count)
            if remaining == 0 {
                phase = .messageEnd
            }
            return ParseStep(event: .body(0..<count), consumed: count)
        case .chunked:
            let step = chunks.decode(unconsumed)
            switch step.event {
            case .end: phase = .head
            case .error(let error): phase = .failed(error)
            default: break
            }
            return step
        case .messageEnd:
            phase = .head
            return ParseStep(event: .end, consumed: 0)
        case .failed(let error):
            return ParseStep(event: .error(error), consumed: 0)
        }
    }

    private mutating func parseHead(_ buffer: UnsafeBufferPointer<UInt8>) -> ParseStep {
        precondition(buffer.count >= scanner.position, "RequestParser.parse: the caller dropped unconsumed bytes")
        switch scanner.scan(buffer) {
        case .needMore:
            return ParseStep(event: .needMore, consumed: 0)
        case .failed(let error):
            phase = .failed(error)
            return ParseStep(event: .error(error), consumed: 0)
        case .complete(let end):
            do throws(HTTPParseError) {
                let head = try RequestHead(scanned: buffer, end: end, scanner: scanner, limits: limits)
                switch head.framing {
                case .none, .contentLength(0):
                    phase = .messageEnd
                case .contentLength(let length):
                    remaining = length
                    phase = .fixedLength
                case .chunked:
                    let sectionBytes = end - scanner.sectionStart
                    chunks = ChunkedDecoder(
                        limits: limits, headSectionBytes: sectionBytes, headFieldCount: scanner.fieldCount)
                    phase = .chunked
                }
                scanner.reset()
                return ParseStep(event: .head(head), consumed: end)
            } catch {
                phase = .failed(error)
                return ParseStep(event: .error(error), consumed: 0)
            }
        }
    }
}
