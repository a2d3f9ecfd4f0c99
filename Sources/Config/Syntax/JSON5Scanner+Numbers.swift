/// Numbers, limited to what Foundation's JSON5 decoder decodes (measured on Swift 6.3.1, Linux):
/// an optional `+` or `-`, then `Infinity`, `NaN`, hexadecimal `0x1F` (at most 13 digits here: the
/// decoder refuses some larger ones), or a decimal with optional leading or trailing point and
/// exponent (`.5`, `5.`, `1e-3`). The decoder traps on an exponent sign without digits (`1e+`),
/// refuses leading zeros, `0e5`, and values that overflow or underflow a Double; so does this scanner.
extension JSON5Scanner {
    static let maximumHexDigits = 13

    /// Scans the number that starts under `index` with a sign, a digit or a point.
    mutating func scanNumber() throws(SyntaxError) {
        let start = index
        if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
            index += 1
        }
        switch peek() {
        case UInt8(ascii: "I"):
            try expectWord("Infinity", numberAt: start)
        case UInt8(ascii: "N"):
            try expectWord("NaN", numberAt: start)
        case UInt8(ascii: "0")
        where peek(at: index + 1) == UInt8(ascii: "x") || peek(at: index + 1) == UInt8(ascii: "X"):
            index += 2
            let digits = skip(while: { Self.hexValue($0) != nil })
            guard digits > 0 else { throw invalidNumber(at: start) }
            guard digits <= Self.maximumHexDigits else {
                throw SyntaxError(
                    offset: start, message: "hexadecimal number longer than \(Self.maximumHexDigits) digits")
            }
        default:
            try scanDecimal(start: start)
        }
        if let next = peek(), Self.isIdentifierStart(next) || Self.isDigit(next) || next == UInt8(ascii: ".") {
            throw invalidNumber(at: start)
        }
    }

    private mutating func scanDecimal(start: Int) throws(SyntaxError) {
        let integerStart = index
        let integerDigits = skip(while: Self.isDigit)
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw SyntaxError(offset: start, message: "leading zeros are not allowed in numbers")
        }
        var fractionDigits = 0
        let hasPoint = peek() == UInt8(ascii: ".")
        if hasPoint {
            index += 1
            fractionDigits = skip(while: Self.isDigit)
        }
        guard integerDigits + fractionDigits > 0 else { throw invalidNumber(at: start) }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            guard !(integerDigits == 1 && bytes[integerStart] == UInt8(ascii: "0") && !hasPoint) else {
                throw invalidNumber(at: start)
            }
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
                index += 1
            }
            guard skip(while: Self.isDigit) > 0 else {
                throw SyntaxError(offset: start, message: "invalid number: the exponent has no digits")
            }
        }
        try checkRange(start: start)
    }

    /// Refuses what a Double cannot hold: the decoder rejects `1e400` and `1e-400`.
    private func checkRange(start: Int) throws(SyntaxError) {
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else { throw invalidNumber(at: start) }
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        let isZero = mantissa.allSatisfy { !("1"..."9").contains($0) }
        guard value.isFinite, value != 0 || isZero else {
            throw SyntaxError(offset: start, message: "number out of range")
        }
    }

    private mutating func expectWord(_ word: String, numberAt start: Int) throws(SyntaxError) {
        for expected in word.utf8 {
            guard peek() == expected else { throw invalidNumber(at: start) }
            index += 1
        }
    }

    /// Advances past the bytes that satisfy `predicate`; returns how many.
    private mutating func skip(while predicate: (UInt8) -> Bool) -> Int {
        let start = index
        while let byte = peek(), predicate(byte) {
            index += 1
        }
        return index - start
    }

    private func invalidNumber(at offset: Int) -> SyntaxError {
        SyntaxError(offset: offset, message: "invalid number")
    }
}
