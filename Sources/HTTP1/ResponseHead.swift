/// Writes an HTTP/1.1 response head into a byte buffer the caller owns, so one reserved buffer
/// can take the head and the first body bytes without an intermediate String per line.
///
/// Functions that take bytes from elsewhere (a status or a field from the upstream) check them
/// and return false, writing nothing, when they cannot be written safely: a CR or LF in a value
/// would let the upstream write response lines of its own (response splitting).
package enum ResponseHead {
    /// Appends `HTTP/1.1 <status> <reason>\r\n` with the reason of RFC 9110 §15 (empty for codes
    /// it does not name, as RFC 9112 §4 allows). False unless `status` has three digits.
    package static func appendStatusLine(status: Int, to buffer: inout [UInt8]) -> Bool {
        guard (100...999).contains(status) else { return false }
        append("HTTP/1.1 ", to: &buffer)
        buffer.append(ASCII.zero &+ UInt8(status / 100))
        buffer.append(ASCII.zero &+ UInt8(status / 10 % 10))
        buffer.append(ASCII.zero &+ UInt8(status % 10))
        buffer.append(ASCII.space)
        append(reasonPhrase(status), to: &buffer)
        append("\r\n", to: &buffer)
        return true
    }

    /// Appends `name: value\r\n`. False if `name` is not a token or `value` holds a control
    /// character other than HTAB (RFC 9110 §5.1, §5.5).
    ///
    /// Concrete, so that a caller in another module does not run generic code unspecialized (a
    /// witness call and a coroutine allocation per byte); the other overloads come here.
    package static func appendField(
        name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]
    ) -> Bool {
        guard !name.isEmpty, name.allSatisfy(ASCII.isToken),
            value.allSatisfy({ ASCII.isFieldVisible($0) || ASCII.isWhitespace($0) })
        else { return false }
        buffer.append(contentsOf: name)
        buffer.append(ASCII.colon)
        buffer.append(ASCII.space)
        buffer.append(contentsOf: value)
        append("\r\n", to: &buffer)
        return true
    }

    /// Appends `name: value\r\n`; see the byte version.
    package static func appendField(
        name: some Collection<UInt8>, value: some Collection<UInt8>, to buffer: inout [UInt8]
    ) -> Bool {
        let name = Array(name)
        let value = Array(value)
        return name.withUnsafeBufferPointer { name in
            value.withUnsafeBufferPointer { appendField(name: name, value: $0, to: &buffer) }
        }
    }

    /// Appends `name: value\r\n`; see the byte version.
    package static func appendField(name: String, value: String, to buffer: inout [UInt8]) -> Bool {
        var name = name
        var value = value
        return name.withUTF8 { name in value.withUTF8 { appendField(name: name, value: $0, to: &buffer) } }
    }

    /// Appends `Content-Length: <length>\r\n`.
    package static func appendContentLength(_ length: UInt64, to buffer: inout [UInt8]) {
        append("Content-Length: ", to: &buffer)
        appendDecimal(length, to: &buffer)
        append("\r\n", to: &buffer)
    }

    /// Appends the empty line that ends the head.
    package static func appendEnd(to buffer: inout [UInt8]) {
        append("\r\n", to: &buffer)
    }

    /// Whether a response to `requestMethod` with `status` has no body whatever its fields say
    /// (RFC 9112 §6.3): one to HEAD, a 1xx, 204 or 304, and a 2xx to CONNECT (a tunnel follows).
    package static func hasNoBody(requestMethod: HTTPMethod, status: Int) -> Bool {
        switch (requestMethod, status) {
        case (.head, _), (_, 100...199), (_, 204), (_, 304), (.connect, 200...299): true
        default: false
        }
    }

    static func append(_ text: StaticString, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static func appendDecimal(_ number: UInt64, to buffer: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for UInt64.max (20 digits), filled backwards
        withUnsafeMutableBytes(of: &digits) { scratch in
            var rest = number
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = ASCII.zero &+ UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            buffer.append(contentsOf: scratch[start...])
        }
    }
}
