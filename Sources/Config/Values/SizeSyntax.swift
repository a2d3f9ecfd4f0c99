/// Sizes in bytes as written in the file: a whole number (`8192`) or a string with a unit:
/// `"512B"`, `"64KiB"`, `"128MiB"`, `"1GiB"` (powers of 1024), or `"64KB"`/`"64kB"`, `"1MB"`, `"1GB"`
/// (powers of 1000, as SI and IEC define them: `KB` is not read as 1024 here). A space may separate
/// the number and the unit. A size is positive.
enum SizeSyntax {
    static let expectation = #"expected a size like "64KiB", "128MiB" or "512B", or a number of bytes"#

    private static let units: [String: Int] = [
        "": 1, "B": 1,
        "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30,
        "KB": 1_000, "kB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000,
    ]

    /// The largest whole number a Double holds exactly.
    static let maximumExactNumber: Double = 9_007_199_254_740_992

    static func size(bytes number: Double) throws(InvalidValue) -> Int {
        let count = try wholeNumber(number)
        guard count > 0 else { throw InvalidValue("must be a positive size") }
        return count
    }

    /// A whole number from the file's Double: integral, not negative, exactly representable.
    static func wholeNumber(_ number: Double) throws(InvalidValue) -> Int {
        guard number.isFinite, number.rounded() == number else { throw InvalidValue("expected a whole number") }
        guard number >= 0 else { throw InvalidValue("must not be negative") }
        guard number <= maximumExactNumber, let count = Int(exactly: number) else {
            throw InvalidValue("too large")
        }
        return count
    }

    static func size(parsing text: String) throws(InvalidValue) -> Int {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        var unitText = text.dropFirst(digits.count)
        if unitText.first == " " {
            unitText = unitText.dropFirst()
        }
        guard !digits.isEmpty, let multiplier = units[String(unitText)] else { throw InvalidValue(expectation) }
        var count = 0
        for digit in digits.utf8 {
            let (times10, overflow) = count.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            guard !overflow, !carry else { throw InvalidValue("too large") }
            count = sum
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { throw InvalidValue("too large") }
        guard bytes > 0 else { throw InvalidValue("must be a positive size") }
        return bytes
    }

    /// `64KiB`, `128MiB`, `1000B`: the largest binary unit that divides the size.
    static func format(_ bytes: Int) -> String {
        for (name, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes % size == 0 {
            return "\(bytes / size)\(name)"
        }
        return "\(bytes)B"
    }
}
