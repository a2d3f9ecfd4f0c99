extension Member {
    /// A number of seconds or a duration string (`DurationSyntax`).
    func duration() throws -> Duration {
        if let text = try? string() {
            return try DurationSyntax.duration(parsing: text)
        }
        guard let seconds = try? number() else { throw InvalidValue(DurationSyntax.expectation) }
        return try DurationSyntax.duration(seconds: seconds)
    }

    /// A number of bytes or a size string (`SizeSyntax`).
    func size() throws -> Int {
        if let text = try? string() {
            return try SizeSyntax.size(parsing: text)
        }
        guard let bytes = try? number() else { throw InvalidValue(SizeSyntax.expectation) }
        return try SizeSyntax.size(bytes: bytes)
    }

    /// A positive whole number.
    func count() throws -> Int {
        let value = try SizeSyntax.wholeNumber(try number())
        guard value > 0 else { throw InvalidValue("must be positive") }
        return value
    }

    /// A string that is one of `choices`, with a suggestion for a typo.
    func choice<T>(_ choices: [(name: String, value: T)], describing what: String) throws -> T {
        let text = try string()
        guard let match = choices.first(where: { $0.name == text }) else {
            let names = choices.map(\.name)
            throw InvalidValue(
                "unknown \(what) \(ConfigurationPath.quoted(text))" + Suggestion.didYouMean(text, among: names)
                    + " (expected one of \(names.joined(separator: ", ")))")
        }
        return match.value
    }
}
