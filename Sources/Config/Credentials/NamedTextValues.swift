/// An object of named `TextValue`s in the order the file writes them: an issuer request's `headers`,
/// OAuth2 `parameters`, a command's `environment`. The owner checks names and values.
struct NamedTextValues: ConfigurationDecodable {
    var entries: [(name: String, value: TextValue)]

    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(decoder)
        var entries: [(name: String, value: TextValue)] = []
        for name in object.keysInSourceOrder(decoder) {
            if let value = object.required(name, { try $0.textValue() }) {
                entries.append((name, value))
            }
        }
        try object.finish()
        self.entries = entries
    }
}

extension Member {
    /// An object of named values, each name and plain value checked by `check` (which throws
    /// `InvalidValue`); names that differ only in case are refused when `caseInsensitive`. All problems
    /// are thrown together, each at its entry's path.
    func namedTextValues(
        caseInsensitive: Bool, check: (String, TextValue) throws(InvalidValue) -> Void
    ) throws -> [(name: String, value: TextValue)] {
        let entries = try decode(NamedTextValues.self).entries
        var problems: [ConfigurationError] = []
        var seen: [String: String] = [:]
        for (name, value) in entries {
            let entryPath = path.appending(name)
            do {
                try check(name, value)
            } catch {
                problems.append(ConfigurationError(at: entryPath, error.message))
                continue
            }
            let folded = caseInsensitive ? name.lowercased() : name
            if let first = seen[folded] {
                problems.append(
                    ConfigurationError(at: entryPath, "the same name as \(ConfigurationPath.quoted(first))"))
            } else {
                seen[folded] = name
            }
        }
        guard problems.isEmpty else { throw ConfigurationErrors(problems) }
        return entries
    }
}
