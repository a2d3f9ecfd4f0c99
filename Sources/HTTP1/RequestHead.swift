/// A parsed request head that owns a copy of its bytes, so the caller may drop its input buffer.
///
/// Every range indexes `bytes`, which runs from the method through the empty line that ends the
/// header section. The semantic results (`framing`, `keepAlive`, ...) were computed and validated
/// once while parsing; the proxy reads them instead of re-reading fields.
package struct RequestHead: Sendable, Equatable {
    /// The request line, the field lines and the final CRLF, as received.
    package let bytes: [UInt8]
    package let method: HTTPMethod
    package let methodRange: Range<Int>
    package let targetRange: Range<Int>
    package let targetForm: RequestTargetForm
    package let version: HTTPVersion
    /// The field lines in the order received; names as sent, values without surrounding SP/HTAB.
    package let fields: [HTTPField]
    /// How the body is delimited; `.none` means there is no body.
    package let framing: BodyFraming
    /// Whether the connection stays open after this exchange, as far as the request says: HTTP/1.1
    /// unless `Connection: close`, HTTP/1.0 only with `Connection: keep-alive` (RFC 9112 §9.3).
    package let keepAlive: Bool
    /// `Expect: 100-continue` in an HTTP/1.1 request; an HTTP/1.0 one is ignored (RFC 9110 §10.1.1).
    package let expectsContinue: Bool
    /// The options listed in Connection, lower-cased, in order: hop-by-hop field names to remove
    /// before forwarding (RFC 9110 §7.6.1), plus `close` or `keep-alive`.
    package let connectionTokens: [String]
    /// The value of the one Host field, if any (it may be empty).
    package let hostRange: Range<Int>?

    init(
        bytes: [UInt8], method: HTTPMethod, methodRange: Range<Int>, targetRange: Range<Int>,
        targetForm: RequestTargetForm, version: HTTPVersion, fields: [HTTPField], semantics: HeadSemantics
    ) {
        self.bytes = bytes
        self.method = method
        self.methodRange = methodRange
        self.targetRange = targetRange
        self.targetForm = targetForm
        self.version = version
        self.fields = fields
        self.framing = semantics.framing
        self.keepAlive = semantics.keepAlive
        self.expectsContinue = semantics.expectsContinue
        self.connectionTokens = semantics.connectionTokens
        self.hostRange = semantics.hostRange
    }

    package var target: ArraySlice<UInt8> { bytes[targetRange] }

    package var host: ArraySlice<UInt8>? { hostRange.map { bytes[$0] } }

    package func name(at index: Int) -> ArraySlice<UInt8> { bytes[fields[index].name] }

    package func value(at index: Int) -> ArraySlice<UInt8> { bytes[fields[index].value] }

    /// Calls `body` with the head's bytes; ranges in `fields` index the buffer. The buffer must not
    /// escape `body`.
    package func withUnsafeBytes<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        try bytes.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with each field's name and value in order, without copying. The buffers must
    /// not escape `body`.
    package func forEachField(
        _ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        try bytes.withUnsafeBufferPointer { buffer in
            for field in fields {
                let name = UnsafeBufferPointer(rebasing: buffer[field.name])
                try body(name, UnsafeBufferPointer(rebasing: buffer[field.value]))
            }
        }
    }
}

/// One field line of a head: where its name and its trimmed value are in `RequestHead.bytes`.
package struct HTTPField: Sendable, Equatable {
    package var name: Range<Int>
    package var value: Range<Int>

    package init(name: Range<Int>, value: Range<Int>) {
        self.name = name
        self.value = value
    }
}

/// The four shapes of a request-target (RFC 9112 §3.2).
package enum RequestTargetForm: Sendable, Equatable {
    /// `/path?query`, the usual one.
    case origin
    /// `scheme://authority/path`, as sent to a forward proxy.
    case absolute
    /// `host:port`, only for CONNECT.
    case authority
    /// `*`, only for a server-wide OPTIONS.
    case asterisk
}

/// How a request body is delimited (RFC 9112 §6.3).
package enum BodyFraming: Sendable, Equatable {
    /// No Content-Length and no Transfer-Encoding: no body.
    case none
    case contentLength(Int64)
    case chunked
}
