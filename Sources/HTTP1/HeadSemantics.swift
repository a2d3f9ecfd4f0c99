/// The meaning of a scanned head's fields: body framing, connection handling, Host and Expect,
/// with the rules of RFC 9112 §6 and RFC 9110 applied and every ambiguity rejected.
///
/// One pass over the fields; only the five names that matter are looked at (dispatched on length
/// first, so most fields cost one comparison).
struct HeadSemantics {
    var framing = BodyFraming.none
    var keepAlive: Bool
    var expectsContinue = false
    var connectionTokens: [String] = []
    var hostRange: Range<Int>?

    init(
        head: UnsafeBufferPointer<UInt8>, fields: [HTTPField], version: HTTPVersion, limits: HTTPParserLimits
    ) throws(HTTPParseError) {
        var contentLength: Int64?
        var transferEncodings = 0
        var transferEncoding = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var close = false
        var keepAliveOption = false
        var continueExpected = false
        var tokens: [String] = []
        for field in fields {
            let name = UnsafeBufferPointer(rebasing: head[field.name])
            let value = UnsafeBufferPointer(rebasing: head[field.value])
            switch name.count {
            case 4 where ASCII.equalsLowercase(name, "host"):
                // RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to any
                // HTTP/1.1 request message that lacks a Host header field and to any request message
                // that contains more than one Host header field line or a Host header field with an
                // invalid field value."
                guard hostRange == nil else { throw HTTPParseError(.multipleHosts, quoting: value) }
                guard value.allSatisfy(ASCII.isHost) else { throw HTTPParseError(.invalidHost, quoting: value) }
                hostRange = field.value
            case 6 where ASCII.equalsLowercase(name, "expect"):
                // RFC 9110 §10.1.1: "A server that receives an Expect field value containing a member
                // other than 100-continue MAY respond with a 417 (Expectation Failed) status code".
                guard ASCII.equalsLowercase(value, "100-continue") else {
                    throw HTTPParseError(.unsupportedExpectation, quoting: value)
                }
                continueExpected = true
            case 10 where ASCII.equalsLowercase(name, "connection"):
                try Self.forEachToken(in: value) { token in
                    close = close || token == "close"
                    keepAliveOption = keepAliveOption || token == "keep-alive"
                    tokens.append(token)
                }
            case 14 where ASCII.equalsLowercase(name, "content-length"):
                let length = try Self.contentLength(value)
                // RFC 9110 §8.6: several fields or a list of the same value may be taken as one;
                // differing values are an unrecoverable error that a recipient must not guess past.
                guard contentLength == nil || contentLength == length else {
                    throw HTTPParseError(.contentLengthConflict, quoting: value)
                }
                contentLength = length
            case 17 where ASCII.equalsLowercase(name, "transfer-encoding"):
                transferEncodings += 1
                transferEncoding = value
            default:
                break
            }
        }

        if transferEncodings > 0 {
            // RFC 9112 §6.1: "A server or client that receives an HTTP/1.0 message containing a
            // Transfer-Encoding header field MUST treat the message as if the framing is faulty, even
            // if a Content-Length is present, and close the connection after processing the message."
            guard version == .http1_1 else {
                throw HTTPParseError(.transferEncodingInHTTP10, quoting: transferEncoding)
            }
            // RFC 9112 §6.1: "A server MAY reject a request that contains both Content-Length and
            // Transfer-Encoding or process such a request in accordance with the Transfer-Encoding
            // alone." Rejecting leaves no reading for a smuggled request to hide in.
            guard contentLength == nil else {
                throw HTTPParseError(.transferEncodingWithContentLength, quoting: transferEncoding)
            }
            // RFC 9112 §6.1: chunked "MUST NOT" be applied more than once; two fields are a list.
            guard transferEncodings == 1 else {
                throw HTTPParseError(.repeatedTransferEncoding, quoting: transferEncoding)
            }
            // RFC 9112 §6.3: "If a Transfer-Encoding header field is present in a request and the
            // chunked transfer coding is not the final encoding, the message body length cannot be
            // determined reliably; the server MUST respond with the 400 (Bad Request) status code".
            // Other codings would be forwarded undecoded, so only "chunked" alone is accepted.
            guard ASCII.equalsLowercase(transferEncoding, "chunked") else {
                throw HTTPParseError(.unsupportedTransferEncoding, quoting: transferEncoding)
            }
            framing = .chunked
        } else if let contentLength {
            framing = .contentLength(contentLength)
        }
        if version == .http1_1 && hostRange == nil {
            throw HTTPParseError(.missingHost)
        }
        if case .contentLength(let length) = framing, length > limits.maxBodyBytes {
            throw HTTPParseError(.bodyTooLarge, excerpt: String(length))
        }
        connectionTokens = tokens
        // RFC 9112 §9.3: HTTP/1.1 persists unless "close" is sent; HTTP/1.0 only with "keep-alive".
        keepAlive = !close && (version == .http1_1 || keepAliveOption)
        // RFC 9110 §10.1.1: "A server that receives a 100-continue expectation in an HTTP/1.0
        // request MUST ignore that expectation."
        expectsContinue = continueExpected && version == .http1_1
    }

    /// Content-Length = 1*DIGIT (RFC 9110 §8.6), or a comma list of one repeated value.
    static func contentLength(_ value: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int64 {
        var result: Int64?
        var i = 0
        repeat {
            while i < value.count && ASCII.isWhitespace(value[i]) { i += 1 }
            let digitsStart = i
            var number: Int64 = 0
            while i < value.count && ASCII.isDigit(value[i]) {
                let (tens, overflow1) = number.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = tens.addingReportingOverflow(Int64(value[i] &- ASCII.zero))
                guard !overflow1 && !overflow2 else { throw HTTPParseError(.contentLengthOverflow, quoting: value) }
                number = sum
                i += 1
            }
            guard i > digitsStart else { throw HTTPParseError(.invalidContentLength, quoting: value) }
            while i < value.count && ASCII.isWhitespace(value[i]) { i += 1 }
            guard i == value.count || value[i] == ASCII.comma else {
                throw HTTPParseError(.invalidContentLength, quoting: value)
            }
            guard result == nil || result == number else {
                throw HTTPParseError(.contentLengthConflict, quoting: value)
            }
            result = number
            i += 1
        } while i <= value.count
        return result ?? 0
    }

    /// Calls `body` with each option of a Connection value, lower-cased. Empty list elements are
    /// skipped (RFC 9110 §5.6.1); anything but a token is rejected, because a field we fail to
    /// read as hop-by-hop would be forwarded.
    static func forEachToken(
        in value: UnsafeBufferPointer<UInt8>, _ body: (String) -> Void
    ) throws(HTTPParseError) {
        var i = 0
        while i < value.count {
            while i < value.count && (ASCII.isWhitespace(value[i]) || value[i] == ASCII.comma) { i += 1 }
            let start = i
            while i < value.count && ASCII.isToken(value[i]) { i += 1 }
            let token = UnsafeBufferPointer(rebasing: value[start..<i])
            while i < value.count && ASCII.isWhitespace(value[i]) { i += 1 }
            guard i == value.count || value[i] == ASCII.comma else {
                throw HTTPParseError(.invalidConnection, quoting: value)
            }
            if !token.isEmpty {
                body(String(unsafeUninitializedCapacity: token.count) { text in
                    for (index, byte) in token.enumerated() { text[index] = ASCII.lowercased(byte) }
                    return token.count
                })
            }
        }
    }
}
