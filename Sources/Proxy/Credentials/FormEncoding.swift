/// `application/x-www-form-urlencoded` serialisation (the WHATWG URL standard's, which RFC 6749
/// Appendix B refers to): ASCII letters, digits and `*-._` stay, space becomes `+`, every other byte
/// is `%XX` with upper-case hex.
enum FormEncoding {
    static func append(_ input: some Sequence<UInt8>, to output: inout some ByteSink & ~Copyable) {
        for byte in input {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"):
                output.append(byte)
            case UInt8(ascii: " "):
                output.append(UInt8(ascii: "+"))
            default:
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
