/// The active settings of a systemd unit file: `[Section]` headers and `Key=value` lines, comments
/// (`#`, `;`) and blank lines skipped. Enough for these tests; systemd-analyze checks the rest.
struct UnitFile {
    /// `Section.Key` -> values in order (a key may repeat, like SystemCallFilter=).
    var settings: [String: [String]] = [:]

    init(_ text: String) {
        var section = ""
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimmingPrefix { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            settings["\(section).\(line[..<equals])", default: []].append(String(line[line.index(after: equals)...]))
        }
    }

    /// The last value of `key` (`Service.Type`), as systemd applies it.
    subscript(_ key: String) -> String? { settings[key]?.last }
}
