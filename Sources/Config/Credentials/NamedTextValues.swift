/// An object of named `TextValue`s in the order the file writes them: an issuer request's `headers`,
/// OAuth2 `parameters`, a command's `environment`. The owner checks names and values.
struct NamedTextValues: ConfigurationDecodable {
    var entries: [NamedTextValue]

    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(decoder)
        var entries: [NamedTextValue] = []
        for name in object.keysInSourceOrder(decoder) {
            if let value = object.required(name, { try $0.textValue() }) {
                entries.append(NamedTextValue(name: name, value: value))
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
    ) throws -> [NamedTextValue] {
        let entries = try decode(NamedTextValues.self).entries
        var problems: [ConfigurationError] = []
        var seen: [String: String] = [:]
        for entry in entries {
            let entryPath = path.appending(entry.name)
            do {
                try check(entry.name, entry.value)
            } catch {
                problems.append(ConfigurationError(at: entryPath, error.message))
                continue
            }
            let folded = caseInsensitive ? entry.name.lowercased() : entry.name
            if let first = seen[folded] {
                problems.append(
                    ConfigurationError(at: entryPath, "the same name as \(ConfigurationPath.quoted(first))"))
            } else {
                seen[folded] = entry.name
            }
        }
        guard problems.isEmpty else { throw ConfigurationErrors(problems) }
        return entries
    }
}
