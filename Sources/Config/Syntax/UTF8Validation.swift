/// Strict UTF-8 validation that says where the first bad byte is.
///
/// Runs before anything else reads the file: Foundation's JSONDecoder traps on invalid UTF-8 in an
/// unquoted key (the six bytes `{\xf8\x80\x80\x80:1}` end the process), and a reload must never take
/// the daemon down.
enum UTF8Validation {
    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode
    /// Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or nil if all are valid.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let (length, secondRange): (Int, ClosedRange<UInt8>)
            switch lead {
            case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
            case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, secondRange) = (3, 0x80...0xBF)
            case 0xED: (length, secondRange) = (3, 0x80...0x9F)
            case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
            case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
            default: return index
            }
            guard index + 1 < bytes.count, secondRange.contains(bytes[index + 1]) else { return index }
            for continuation in index + 2..<index + length {
                guard continuation < bytes.count, (0x80...0xBF).contains(bytes[continuation]) else { return index }
            }
            index += length
        }
        return nil
    }
}
