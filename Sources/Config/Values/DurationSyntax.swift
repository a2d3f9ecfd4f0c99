/// Durations as written in the file: a number of seconds (`10`, `0.25`) or a string of one or more
/// amounts with units, largest unit first, each unit once: `"250ms"`, `"10s"`, `"5m"`, `"1h"`,
/// `"1m30s"`, `"1.5s"`. Units: `h`, `m`, `s`, `ms`. A duration is positive and at most 365 days (no
/// timeout or token lifetime needs more, and the bound keeps arithmetic far from overflow).
enum DurationSyntax {
    static let maximumSeconds: Double = 365 * 24 * 3600

    static let expectation = #"expected a duration like "10s", "250ms" or "1m30s", or a number of seconds"#

    private static let units: [(name: String, seconds: Double)] = [("h", 3600), ("m", 60), ("s", 1), ("ms", 0.001)]

    static func duration(seconds: Double) throws(InvalidValue) -> Duration {
        guard seconds.isFinite, seconds > 0 else { throw InvalidValue("must be a positive duration") }
        guard seconds <= maximumSeconds else { throw InvalidValue("must be at most 365 days") }
        let nanoseconds = (seconds * 1e9).rounded()
        guard nanoseconds >= 1 else { throw InvalidValue("must be a positive duration") }
        return .nanoseconds(Int64(nanoseconds))
    }

    static func duration(parsing text: String) throws(InvalidValue) -> Duration {
        var remaining = Substring(text)
        var total: Double = 0
        var lastUnit = -1
        guard !remaining.isEmpty else { throw InvalidValue(expectation) }
        while !remaining.isEmpty {
            let amountText = remaining.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            remaining = remaining.dropFirst(amountText.count)
            let unitText = remaining.prefix { $0.isASCII && $0.isLetter }
            remaining = remaining.dropFirst(unitText.count)
            guard let amount = decimal(amountText),
                let unit = units.firstIndex(where: { $0.name == unitText }),
                unit > lastUnit
            else { throw InvalidValue(expectation) }
            lastUnit = unit
            total += amount * units[unit].seconds
        }
        return try duration(seconds: total)
    }

    /// `12` or `1.5`: digits with at most one point between digits; no sign, exponent or `inf`.
    private static func decimal(_ text: Substring) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        return Double(text)
    }

    /// `1h30m`, `250ms`, `10s`: the largest units first, sub-millisecond rest in `ns`.
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        var rest = seconds
        var text = ""
        for (name, size) in [("h", Int64(3600)), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(name)"
            rest %= size
        }
        let nanoseconds = attoseconds / 1_000_000_000
        if nanoseconds >= 1_000_000 {
            text += "\(nanoseconds / 1_000_000)ms"
        }
        if nanoseconds % 1_000_000 != 0 {
            text += "\(nanoseconds % 1_000_000)ns"
        }
        return text.isEmpty ? "0s" : text
    }
}
