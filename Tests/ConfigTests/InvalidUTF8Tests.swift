import Config
import Testing

@Suite struct InvalidUTF8Tests {
    @Test func theBytesThatTrapJSONDecoderAreRejectedFirst() {
        #expect(
            problems([0x7B, 0xF8, 0x80, 0x80, 0x80, 0x3A, 0x31, 0x7D]).map(\.description) == [
                "line 1, column 2: invalid UTF-8 (byte 0xF8 at offset 1)"
            ])
    }

    @Test(
        arguments: [
            ([0xC0, 0xAF], "overlong"),
            ([0xED, 0xA0, 0x80], "surrogate"),
            ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"),
            ([0xE2, 0x82], "truncated"),
            ([0x80], "lone continuation"),
            ([0xFF], "never valid"),
        ] as [([UInt8], String)])
    func malformedUTF8InAStringIsReportedWithItsLine(bytes: [UInt8], kind: String) {
        let text = Array("{\n  logLevel: \"".utf8) + bytes + Array("\" }".utf8)
        let errors = problems(text)
        #expect(
            errors.map(\.description) == [
                "line 2, column 14: invalid UTF-8 (byte 0x\(String(bytes[0], radix: 16, uppercase: true)) at offset 15)"
            ], "\(kind)")
    }

    @Test func wellFormedMultibyteCharactersCountAsOneColumn() {
        let errors = problems(Array("{ \"é😀\": 1, x }".utf8))
        #expect(errors.map(\.description) == ["line 1, column 14: expected ':' after key"])
    }
}
