/// Byte values and character classes of the HTTP/1.1 grammar (RFC 9110 §5.6, RFC 9112 §2).
///
/// The classes are bit sets over 0x00-0x7F held in two 64-bit constants, so a test is a shift and
/// a mask with no table to load and no lazy global to initialise on the hot path.
enum ASCII {
    static let htab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let zero: UInt8 = 0x30
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let backslash: UInt8 = 0x5C
    static let del: UInt8 = 0x7F

    /// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
    ///       / DIGIT / ALPHA (RFC 9110 §5.6.2).
    @inline(__always)
    static func isToken(_ byte: UInt8) -> Bool {
        inSet(byte, low: 0x03FF_6CFA_0000_0000, high: 0x57FF_FFFF_C7FF_FFFE)
    }

    /// The bytes of a Host value or an authority-form target: unreserved, sub-delims, "%" of
    /// pct-encoded, ":" before the port and "[" "]" around an IP-literal (RFC 3986 §3.2.2).
    @inline(__always)
    static func isHost(_ byte: UInt8) -> Bool {
        inSet(byte, low: 0x2FFF_7FF2_0000_0000, high: 0x47FF_FFFE_AFFF_FFFE)
    }

    /// Visible ASCII, the only bytes a request-target may hold (RFC 9112 §3.2).
    @inline(__always)
    static func isVisible(_ byte: UInt8) -> Bool {
        byte &- 0x21 < 0x5E
    }

    /// field-vchar = VCHAR / obs-text (RFC 9110 §5.5): visible ASCII or 0x80-0xFF.
    @inline(__always)
    static func isFieldVisible(_ byte: UInt8) -> Bool {
        byte > space && byte != del
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == htab
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- zero < 10
    }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        if byte &- zero < 10 { return byte &- zero }
        let lower = byte | 0x20
        if lower &- 0x61 < 6 { return lower &- 0x61 &+ 10 }
        return nil
    }

    /// Lower-cases an ASCII letter and leaves every other byte alone.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inline(__always)
    private static func inSet(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
        if byte < 64 { return (low >> UInt64(byte)) & 1 == 1 }
        if byte < 128 { return (high >> UInt64(byte &- 64)) & 1 == 1 }
        return false
    }
}

extension ASCII {
    /// Whether `bytes` spell `literal` exactly.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count == count else { return false }
        let start = literal.utf8Start
        for index in 0..<count where bytes[index] != start[index] {
            return false
        }
        return true
    }

    /// Whether `bytes` spell `lowercaseLiteral` ignoring ASCII case; the literal must be lower-case.
    static func equalsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercaseLiteral: StaticString) -> Bool {
        let count = lowercaseLiteral.utf8CodeUnitCount
        guard bytes.count == count else { return false }
        let literal = lowercaseLiteral.utf8Start
        for index in 0..<count where lowercased(bytes[index]) != literal[index] {
            return false
        }
        return true
    }

    /// Whether `bytes` spell `name` ignoring ASCII case (`name` in any case).
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ name: String) -> Bool {
        var index = 0
        for byte in name.utf8 {
            guard index < bytes.count, lowercased(bytes[index]) == lowercased(byte) else { return false }
            index += 1
        }
        return index == bytes.count
    }
}
