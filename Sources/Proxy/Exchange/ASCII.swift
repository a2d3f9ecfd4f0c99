/// The byte tests the proxy runs on header names, header values and paths: ASCII case folding and
/// optional whitespace.
///
/// HTTP1 has an `ASCII` of its own, internal to that module. These few are repeated here instead of
/// shared as `package` members because Swift 6.3 does not inline a `package` type's static members
/// into another module, even when they are `@inlinable` (a release build's `nm -u` shows the calls),
/// and the relay runs them for every header line.
enum ASCII {
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// OWS: a space or a horizontal tab (RFC 9110 §5.6.3).
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Case-insensitive comparison of a header name with a lower-case literal.
    @inline(__always)
    static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercased: [UInt8]) -> Bool {
        guard bytes.count == lowercased.count else { return false }
        for index in 0..<bytes.count where lower(bytes[index]) != lowercased[index] { return false }
        return true
    }

    /// Case-insensitive comparison of two byte strings, either in any case.
    static func equalsIgnoringCase(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where lower(a[index]) != lower(b[index]) { return false }
        return true
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { ASCII.lower($0) == ASCII.lower($1) }
    }
}
