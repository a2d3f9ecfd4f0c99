/// Scans a request head, or the trailer section of a chunked body, resumably: `position` records
/// how far it got, so every byte is examined once however the input is split.
///
/// It checks the syntax of RFC 9112 §2-§5 and the size limits, and records where the request line
/// parts and the field lines are. It gives no meaning to any field; `HeadSemantics` does that.
///
/// Line endings must be CRLF. RFC 9112 §2.2 lets a recipient accept a bare LF, but a proxy that
/// does while the next hop does not (or the reverse) reads a different message from the same
/// bytes: the request-smuggling pattern. Strictness makes bearerd's reading the only one.
struct HeadScanner {
    enum State: UInt8 {
        // The request line; a trailer section starts at `fieldStart`.
        case lineStart, leadingLF, method, target, version, requestLineLF
        // The field lines: from `fieldStart` on, the section size limit applies.
        case fieldStart, name, valueStart, value, fieldLF, finalLF
    }

    enum Result {
        case needMore
        /// The section ends just before `end` (after the CRLF of the empty line).
        case complete(end: Int)
        case failed(HTTPParseError)
    }

    // Not private where HeadScanner+RequestLine.swift, which holds the request-line states, sets them.
    var state: State
    /// The next index of the buffer to examine.
    private(set) var position: Int
    private let isTrailer: Bool
    let maxRequestLineBytes: Int
    let maxLeadingEmptyLines: Int
    let sectionBudget: Int
    private let maxFields: Int
    var emptyLines = 0
    var lineLimit = Int.max
    var sectionLimit = Int.max
    var versionStart = 0
    private var nameStart = 0
    private var nameEnd = 0
    private var valueStart = 0
    private var valueEnd = 0

    /// Where the request line starts; the head is `lineStart..<end`.
    var lineStart = 0
    var methodEnd = 0
    var targetStart = 0
    var targetEnd = 0
    var version = HTTPVersion.http1_1
    /// Where the header section starts, just after the request line's CRLF.
    var sectionStart = 0
    private(set) var fieldCount = 0
    /// The field lines of a head, as ranges relative to `lineStart`. Trailers are not recorded.
    private(set) var fields: [HTTPField] = []

    /// A scanner for the next request head, starting at index 0 of the next buffer.
    init(limits: HTTPParserLimits) {
        state = .lineStart
        position = 0
        isTrailer = false
        maxRequestLineBytes = limits.maxRequestLineBytes
        maxLeadingEmptyLines = limits.maxLeadingEmptyLines
        sectionBudget = limits.maxHeaderBytes
        maxFields = limits.maxHeaderCount
    }

    /// A scanner for a trailer section starting at `position`, allowed what the head left of the
    /// header limits.
    init(trailersAt position: Int, byteBudget: Int, fieldBudget: Int) {
        state = .fieldStart
        self.position = position
        isTrailer = true
        maxRequestLineBytes = 0
        maxLeadingEmptyLines = 0
        sectionBudget = byteBudget
        maxFields = fieldBudget
        sectionStart = position
        sectionLimit = position.addingSaturated(byteBudget)
    }

    /// Prepares for the next head, keeping the storage of `fields`.
    mutating func reset() {
        state = .lineStart
        position = 0
        emptyLines = 0
        fieldCount = 0
        sectionLimit = Int.max
        fields.removeAll(keepingCapacity: true)
    }

    /// Shifts every index after the caller dropped the first `count` bytes (trailers only, whose
    /// scan needs no earlier byte).
    mutating func dropFirst(_ count: Int) {
        position -= count
        sectionLimit -= count
    }

    /// Continues from `position` through `buffer`, which holds the same bytes as before up to
    /// `position` and maybe more after.
    mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> Result {
        guard let bytes = buffer.baseAddress else { return .needMore }
        let end = buffer.count
        var i = position
        defer { position = i }
        while i < end {
            if state.rawValue < State.fieldStart.rawValue {
                if let result = scanRequestLine(bytes, buffer, &i) { return result }
                continue
            }
            guard i < sectionLimit else {
                return fail(isTrailer ? .trailerSectionTooLarge : .headerSectionTooLarge, buffer, i)
            }
            // Within a field line each state falls through to the next, so a line costs one
            // dispatch; a state is re-entered through the switch only when the input ran out.
            switch state {
            case .fieldStart:
                let byte = bytes[i]
                guard ASCII.isToken(byte) else {
                    if byte == ASCII.cr {
                        i += 1
                        state = .finalLF
                        continue
                    }
                    return fail(fieldStartFailure(byte), buffer, i)
                }
                guard fieldCount < maxFields else {
                    return fail(isTrailer ? .tooManyTrailerFields : .tooManyHeaderFields, buffer, i)
                }
                nameStart = i
                i += 1
                state = .name
                fallthrough

            case .name:
                let stop = min(end, sectionLimit)
                while i < stop && ASCII.isToken(bytes[i]) { i += 1 }
                guard i < stop else { continue }
                guard bytes[i] == ASCII.colon else { return fail(nameFailure(bytes[i]), buffer, i) }
                nameEnd = i
                i += 1
                state = .valueStart
                fallthrough

            case .valueStart:
                let stop = min(end, sectionLimit)
                while i < stop && ASCII.isWhitespace(bytes[i]) { i += 1 }
                guard i < stop else { continue }
                valueStart = i
                valueEnd = i
                state = .value
                fallthrough

            case .value:
                let stop = min(end, sectionLimit)
                var last = valueEnd
                while i < stop {
                    let byte = bytes[i]
                    if ASCII.isFieldVisible(byte) {
                        i += 1
                        last = i
                    } else if ASCII.isWhitespace(byte) {
                        i += 1
                    } else {
                        break
                    }
                }
                valueEnd = last
                guard i < stop else { continue }
                guard bytes[i] == ASCII.cr else {
                    // RFC 9110 §5.5: "Field values containing CR, LF, or NUL characters are invalid
                    // and dangerous ... a recipient of CR, LF, or NUL within a field value MUST either
                    // reject the message or replace each of those characters with SP". Other CTLs
                    // are not field-vchar either.
                    return fail(Self.classify(bytes[i], otherwise: .controlCharacter), buffer, i)
                }
                i += 1
                state = .fieldLF
                fallthrough

            case .fieldLF:
                guard i < min(end, sectionLimit) else { continue }
                guard bytes[i] == ASCII.lf else { return fail(.bareCR, buffer, i) }
                i += 1
                fieldCount += 1
                if !isTrailer {
                    fields.append(HTTPField(
                        name: nameStart - lineStart..<nameEnd - lineStart,
                        value: valueStart - lineStart..<valueEnd - lineStart))
                }
                state = .fieldStart

            case .finalLF:
                guard bytes[i] == ASCII.lf else { return fail(.bareCR, buffer, i) }
                i += 1
                return .complete(end: i)
            default:
                break
            }
        }
        return .needMore
    }

    /// Why a field line cannot start with `byte` (neither a token character nor the final CR).
    private func fieldStartFailure(_ byte: UInt8) -> HTTPParseError.Kind {
        if ASCII.isWhitespace(byte) {
            // RFC 9112 §5.2: "A server that receives an obs-fold in a request message that is not
            // within a message/http container MUST either reject the message by sending a 400 (Bad
            // Request) ... or replace each received obs-fold with one or more SP octets". §2.2:
            // whitespace between the start-line and the first field line: "a recipient ... MUST
            // either reject the message as invalid or consume each whitespace-preceded line".
            return fieldCount == 0 && !isTrailer ? .whitespaceBeforeFirstField : .obsFold
        }
        // RFC 9110 §5.1: field-name = token, so it is never empty.
        return Self.classify(byte, otherwise: byte == ASCII.colon ? .emptyFieldName : .invalidFieldName)
    }

    /// Why a field name cannot go on with `byte` (not a token character nor the colon).
    private func nameFailure(_ byte: UInt8) -> HTTPParseError.Kind {
        // RFC 9112 §5.1: "A server MUST reject, with a response status code of 400 (Bad Request),
        // any received request message that contains whitespace between a header field name and
        // colon."
        if ASCII.isWhitespace(byte) { return .whitespaceBeforeColon }
        return Self.classify(byte, otherwise: byte == ASCII.cr ? .missingColon : .invalidFieldName)
    }

    func fail(_ kind: HTTPParseError.Kind, _ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> Result {
        .failed(HTTPParseError(kind, in: buffer, at: index))
    }

    /// NUL and a bare LF get their own labels wherever they appear; any other byte gets `otherwise`.
    static func classify(_ byte: UInt8, otherwise: HTTPParseError.Kind) -> HTTPParseError.Kind {
        switch byte {
        case 0: .nulByte
        case ASCII.lf: .bareLF
        default: otherwise
        }
    }
}

extension Int {
    /// `self + other`, or `Int.max` where that would overflow: limits near `Int.max` mean "none".
    func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other < 0 ? Int.min : Int.max) : sum
    }
}
