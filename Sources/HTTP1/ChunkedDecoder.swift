/// Reads the framing of a chunked body (RFC 9112 §7.1) and points at chunk data where it lies in
/// the input, never copying or holding it.
///
/// Framing bytes are consumed as soon as they are read (their meaning is kept in `state`), so a
/// caller never has to hold more than what arrived since the last call.
///
///     chunked-body = *chunk last-chunk trailer-section CRLF
///     chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
///     chunk-ext    = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
struct ChunkedDecoder {
    enum State {
        // The chunk-size line.
        case sizeStart, size, sizeWhitespace
        case extensionNameStart, extensionName, extensionAfterName
        case extensionValueStart, extensionToken, extensionQuoted, extensionQuotedPair, extensionAfterValue
        case lineLF
        // The chunk data and the CRLF after it.
        case data, dataCR, dataLF
        case trailers
    }

    private var state = State.sizeStart
    /// The chunk size being read; at most 16 hex digits, so it cannot overflow a UInt64.
    private var size: UInt64 = 0
    private var digits = 0
    private var lineBytes = 0
    /// Data bytes of the current chunk still to come.
    private var remaining: Int64 = 0
    /// Data bytes of all chunks announced so far.
    private var total: Int64 = 0
    private var trailers: HeadScanner
    private let maxBodyBytes: Int64
    private let maxChunkLineBytes: Int
    private let trailerByteBudget: Int
    private let trailerFieldBudget: Int

    /// A decoder for a body whose head spent `headSectionBytes` and `headFieldCount` of the limits
    /// the trailer section shares.
    init(limits: HTTPParserLimits, headSectionBytes: Int, headFieldCount: Int) {
        maxBodyBytes = limits.maxBodyBytes
        maxChunkLineBytes = limits.maxChunkLineBytes
        trailerByteBudget = max(0, limits.maxHeaderBytes - headSectionBytes)
        trailerFieldBudget = max(0, limits.maxHeaderCount - headFieldCount)
        trailers = HeadScanner(trailersAt: 0, byteBudget: 0, fieldBudget: 0)
    }

    /// One step through the body from `buffer[0]`, the first byte not consumed yet: `.body` as soon
    /// as chunk data is available, `.end` after the trailer section, else `.needMore` with every
    /// framing byte consumed.
    mutating func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> ParseStep {
        guard let bytes = buffer.baseAddress else { return ParseStep(event: .needMore, consumed: 0) }
        let end = buffer.count
        var i = 0
        while i < end {
            switch state {
            case .data:
                let count = Int(min(remaining, Int64(end - i)))
                remaining -= Int64(count)
                if remaining == 0 {
                    state = .dataCR
                }
                return ParseStep(event: .body(i..<i + count), consumed: i + count)

            case .dataCR:
                // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF. Anything else
                // after the data means the size and the data disagree: the framing is lost.
                guard bytes[i] == ASCII.cr else { return fail(.missingChunkCRLF, buffer, i) }
                i += 1
                state = .dataLF

            case .dataLF:
                guard bytes[i] == ASCII.lf else { return fail(.missingChunkCRLF, buffer, i) }
                i += 1
                state = .sizeStart
                lineBytes = 0

            case .lineLF:
                guard bytes[i] == ASCII.lf else { return fail(.bareCR, buffer, i) }
                i += 1
                if size == 0 {
                    state = .trailers
                    trailers = HeadScanner(
                        trailersAt: i, byteBudget: trailerByteBudget, fieldBudget: trailerFieldBudget)
                } else {
                    remaining = Int64(size)
                    total += remaining
                    state = .data
                }

            case .trailers:
                // RFC 9112 §7.1.2: trailer fields are validated like header fields, then dropped:
                // bearerd forwards no trailers.
                switch trailers.scan(buffer) {
                case .needMore:
                    i = end
                case .complete(let trailersEnd):
                    return ParseStep(event: .end, consumed: trailersEnd)
                case .failed(let error):
                    return ParseStep(event: .error(error), consumed: 0)
                }

            default:
                let byte = bytes[i]
                if byte != ASCII.cr {
                    lineBytes += 1
                    guard lineBytes <= maxChunkLineBytes else { return fail(.chunkLineTooLong, buffer, i) }
                }
                if let failure = readSizeLine(byte) {
                    return fail(failure, buffer, i)
                }
                i += 1
            }
        }
        if state == .trailers {
            trailers.dropFirst(end)
        }
        return ParseStep(event: .needMore, consumed: end)
    }

    private func fail(_ kind: HTTPParseError.Kind, _ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> ParseStep {
        ParseStep(event: .error(HTTPParseError(kind, in: buffer, at: index)), consumed: 0)
    }
}

extension ChunkedDecoder {
    /// Advances the chunk-size line by one byte; returns the rule the byte breaks, if any.
    ///
    /// RFC 9112 §7.1: chunk-size = 1*HEXDIG, with no sign, prefix or whitespace before it. The
    /// extensions are checked against the grammar and ignored (§7.1.1: "A recipient MUST ignore
    /// unrecognized chunk extensions"); a size line no two parsers read alike is what smuggling
    /// needs, so anything off-grammar is rejected.
    private mutating func readSizeLine(_ byte: UInt8) -> HTTPParseError.Kind? {
        switch state {
        case .sizeStart:
            guard let value = ASCII.hexValue(byte) else {
                return HeadScanner.classify(byte, otherwise: .invalidChunkSize)
            }
            size = UInt64(value)
            digits = 1
            state = .size
        case .size:
            if let value = ASCII.hexValue(byte) {
                digits += 1
                guard digits <= 16 else { return .chunkSizeTooLong }
                size = size << 4 | UInt64(value)
                return nil
            }
            let next: State
            switch byte {
            case ASCII.semicolon: next = .extensionNameStart
            case ASCII.space, ASCII.htab: next = .sizeWhitespace
            case ASCII.cr: next = .lineLF
            default: return HeadScanner.classify(byte, otherwise: .invalidChunkSize)
            }
            guard size <= UInt64(Int64.max) else { return .chunkSizeOverflow }
            guard Int64(size) <= maxBodyBytes - total else { return .bodyTooLarge }
            state = next
        case .sizeWhitespace:
            // BWS is allowed before ";" only; "1 \r\n" is not a chunk-size line.
            if byte == ASCII.semicolon {
                state = .extensionNameStart
            } else if !ASCII.isWhitespace(byte) {
                return HeadScanner.classify(byte, otherwise: .invalidChunkSize)
            }
        case .extensionNameStart:
            if ASCII.isToken(byte) {
                state = .extensionName
            } else if !ASCII.isWhitespace(byte) {
                return extensionFailure(byte)
            }
        case .extensionName, .extensionAfterName:
            guard state != .extensionName || !ASCII.isToken(byte) else { return nil }
            switch byte {
            case ASCII.space, ASCII.htab: state = .extensionAfterName
            case ASCII.equals: state = .extensionValueStart
            case ASCII.semicolon: state = .extensionNameStart
            case ASCII.cr: state = .lineLF
            default: return extensionFailure(byte)
            }
        case .extensionValueStart:
            if byte == ASCII.quote {
                state = .extensionQuoted
            } else if ASCII.isToken(byte) {
                state = .extensionToken
            } else if !ASCII.isWhitespace(byte) {
                return extensionFailure(byte)
            }
        case .extensionToken, .extensionAfterValue:
            guard state != .extensionToken || !ASCII.isToken(byte) else { return nil }
            switch byte {
            case ASCII.space, ASCII.htab: state = .extensionAfterValue
            case ASCII.semicolon: state = .extensionNameStart
            case ASCII.cr: state = .lineLF
            default: return extensionFailure(byte)
            }
        case .extensionQuoted:
            // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text (RFC 9110 §5.6.4).
            if byte == ASCII.quote {
                state = .extensionAfterValue
            } else if byte == ASCII.backslash {
                state = .extensionQuotedPair
            } else if !(ASCII.isFieldVisible(byte) || ASCII.isWhitespace(byte)) {
                return extensionFailure(byte)
            }
        case .extensionQuotedPair:
            // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
            guard ASCII.isFieldVisible(byte) || ASCII.isWhitespace(byte) else { return extensionFailure(byte) }
            state = .extensionQuoted
        case .lineLF, .data, .dataCR, .dataLF, .trailers:
            preconditionFailure("readSizeLine called outside the chunk-size line")
        }
        return nil
    }

    private func extensionFailure(_ byte: UInt8) -> HTTPParseError.Kind {
        HeadScanner.classify(byte, otherwise: .invalidChunkExtension)
    }
}
