import HTTP1

/// What the parser made of a byte stream, whatever the pieces it arrived in: body pieces are
/// joined, and `needMore` (a statement about the pieces, not the stream) is left out.
enum Milestone: Equatable, CustomStringConvertible {
    case head(RequestHead)
    case body([UInt8])
    case end
    case error(HTTPParseError)

    var description: String {
        switch self {
        case .head(let head): "head(\(head.bytes.count) bytes, \(head.method), \(head.framing))"
        case .body(let bytes): "body(\(bytes.count) bytes)"
        case .end: "end"
        case .error(let error): "error(\(error.status) \(error.reason))"
        }
    }
}

/// Plays the caller of `RequestParser.parse` by its contract: keeps the unconsumed bytes, appends
/// each piece, calls `parse` until it needs more, drops what was consumed. Checks every step.
struct Transcript {
    private var parser: RequestParser
    private var buffer: [UInt8] = []
    private(set) var milestones: [Milestone] = []
    private var failed = false
    private var fed = 0
    private var steps = 0

    init(limits: HTTPParserLimits) {
        parser = RequestParser(limits: limits)
    }

    mutating func feed(_ piece: ArraySlice<UInt8>) {
        buffer.append(contentsOf: piece)
        fed += piece.count
        while !failed {
            let step = buffer.withUnsafeBufferPointer { parser.parse($0) }
            // Each call of `feed` ends with one `needMore`; every other event but `end` consumes a
            // byte, and an `end` follows one that did.
            steps += 1
            require(steps <= 3 * fed + 2, "parse made no progress: \(steps) steps for \(fed) bytes")
            require(step.consumed >= 0 && step.consumed <= buffer.count,
                    "consumed \(step.consumed) of \(buffer.count) bytes")
            switch step.event {
            case .needMore:
                drop(step.consumed)
                return
            case .head(let head):
                check(head, consumed: step.consumed)
                milestones.append(.head(head))
            case .body(let range):
                require(!range.isEmpty && range.lowerBound >= 0 && range.upperBound <= step.consumed,
                        "body \(range) outside consumed 0..<\(step.consumed)")
                if case .body(let earlier) = milestones.last {
                    milestones[milestones.count - 1] = .body(earlier + buffer[range])
                } else {
                    milestones.append(.body(Array(buffer[range])))
                }
            case .end:
                milestones.append(.end)
            case .error(let error):
                check(error)
                milestones.append(.error(error))
                failed = true
                let again = buffer.withUnsafeBufferPointer { parser.parse($0) }
                require(again.event == step.event && again.consumed == 0, "a failed parser must repeat its error")
            }
            drop(step.consumed)
        }
    }

    /// A head is consumed whole: its bytes end the consumed prefix, and only empty lines precede them.
    private func check(_ head: RequestHead, consumed: Int) {
        let start = consumed - head.bytes.count
        require(start >= 0 && buffer[start..<consumed].elementsEqual(head.bytes),
                "head bytes are not the consumed ones")
        require(buffer[0..<start].allSatisfy { $0 == 0x0D || $0 == 0x0A },
                "head consumed more than empty lines before it")
        let count = head.bytes.count
        let ranges = [head.methodRange, head.targetRange] + head.fields.flatMap { [$0.name, $0.value] }
            + (head.hostRange.map { [$0] } ?? [])
        require(ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= count }, "a head range is outside the head")
        if case .contentLength(let length) = head.framing {
            require(length >= 0 && length <= parser.limits.maxBodyBytes, "Content-Length \(length) passed the limit")
        }
    }

    private func check(_ error: HTTPParseError) {
        require([400, 413, 414, 417, 431, 505].contains(error.status), "unexpected status \(error.status)")
        require(!error.reason.isEmpty && !error.description.isEmpty, "an error without words")
    }

    private mutating func drop(_ count: Int) {
        if count > 0 {
            buffer.removeFirst(count)
        }
    }
}

/// Stops the process so libFuzzer reports the input: a broken contract is as much a bug as a crash.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        fatalError("FuzzHTTP1: \(message())")
    }
}
