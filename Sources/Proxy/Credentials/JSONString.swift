/// JSON string contents as bytes.
enum JSONString {
    /// The inside of a JSON string (RFC 8259 §7): `"` and `\` escaped, control characters as `\u00XX`,
    /// every other byte as is (UTF-8 passes through).
    static func appendEscaped(_ input: some Sequence<UInt8>, to output: inout some ByteSink & ~Copyable) {
        for byte in input {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case 0..<0x20:
                for byte in "\\u00".utf8 { output.append(byte) }
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
