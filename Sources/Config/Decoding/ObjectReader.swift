/// One JSON object being decoded: checks its keys against the ones its model type knows and collects
/// each member's problems, so one bad field does not hide the next.
///
/// `null` is refused everywhere: leaving a key out is the one way to ask for its default.
struct ObjectReader {
    let path: ConfigurationPath
    private let container: KeyedDecodingContainer<AnyKey>
    private(set) var problems: [ConfigurationError] = []
    /// Known keys offered as "did you mean" for an unknown one: their absence is already explained.
    private var suggestedKeys: Set<String> = []

    /// Opens the object at `decoder`; throws a `DecodingError` ("expected an object") if it is not one.
    init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: AnyKey.self)
        path = ConfigurationPath(codingPath: decoder.codingPath)
    }

    /// Opens the object and reports every key not in `knownKeys`.
    init(_ decoder: any Decoder, knownKeys: [String]) throws {
        try self.init(decoder)
        rejectUnknownKeys(except: knownKeys)
    }

    /// The object's keys, sorted (JSONDecoder does not keep their order; the `SourceMap` does).
    var keys: [String] {
        container.allKeys.map(\.stringValue).sorted()
    }

    var hasProblems: Bool { !problems.isEmpty }

    mutating func rejectUnknownKeys(except knownKeys: [String]) {
        for key in keys where !knownKeys.contains(key) {
            let suggestion = Suggestion.closest(to: key, among: knownKeys)
            report(
                "unknown key" + (suggestion.map { "; did you mean \(ConfigurationPath.quoted($0))?" } ?? ""), at: key)
            suggestedKeys.formUnion(suggestion.map { [$0] } ?? [])
        }
    }

    func contains(_ key: String) -> Bool {
        container.contains(AnyKey(key))
    }

    mutating func report(_ message: String, at key: String? = nil) {
        problems.append(ConfigurationError(at: key.map(path.appending) ?? path, message))
    }

    /// Reports problems found by a check across members.
    mutating func report(_ errors: [ConfigurationError]) {
        problems += errors
    }

    /// Reports a problem below one of this object's members (`headers.Host`).
    mutating func report(_ message: String, below path: ConfigurationPath) {
        problems.append(ConfigurationError(at: path, message))
    }

    mutating func report(_ error: any Error, at key: String) {
        problems += ConfigurationErrors(error, at: path.appending(key)).errors
    }

    /// Reads `key` with `read`; a missing key is a problem. Nil if missing or invalid (reported).
    mutating func required<T>(_ key: String, _ read: (Member) throws -> T) -> T? {
        guard contains(key) else {
            if !suggestedKeys.contains(key) {
                report("required key missing", at: key)
            }
            return nil
        }
        return optional(key, read)
    }

    /// Reads `key` with `read`. Nil if missing (use the default) or invalid (reported).
    mutating func optional<T>(_ key: String, _ read: (Member) throws -> T) -> T? {
        let codingKey = AnyKey(key)
        guard container.contains(codingKey) else { return nil }
        if (try? container.decodeNil(forKey: codingKey)) == true {
            report("null is not allowed; leave the key out to use the default", at: key)
            return nil
        }
        do {
            return try read(Member(container: container, key: codingKey, path: path.appending(key)))
        } catch {
            report(error, at: key)
            return nil
        }
    }

    /// Reads an array of model values, reporting each bad element and returning the good ones in
    /// place (nil where an element is bad), so cross-checks can still run on the rest.
    mutating func optionalElements<T: ConfigurationDecodable>(_ key: String, of type: T.Type) -> [T?]? {
        guard let results = optional(key, { try $0.elements(T.self) }) else { return nil }
        var values: [T?] = []
        for result in results {
            values.append(keepValue(result))
        }
        return values
    }

    /// Reads an object of named model values the way `optionalElements` reads an array.
    mutating func optionalEntries<T: ConfigurationDecodable>(
        _ key: String, of type: T.Type
    ) -> [(key: String, value: T?)]? {
        guard let entries = optional(key, { try $0.entries(T.self) }) else { return nil }
        var values: [(key: String, value: T?)] = []
        for entry in entries {
            values.append((entry.key, keepValue(entry.result)))
        }
        return values
    }

    private mutating func keepValue<T>(_ result: Result<T, ConfigurationErrors>) -> T? {
        switch result {
        case .success(let value):
            return value
        case .failure(let errors):
            problems += errors.errors
            return nil
        }
    }

    /// Throws everything reported so far, if anything was.
    func finish() throws(ConfigurationErrors) {
        guard problems.isEmpty else { throw ConfigurationErrors(problems) }
    }

    /// Throws everything reported so far, or returns `value`, which the caller leaves nil only after
    /// reporting why.
    func finish<T>(returning value: T?) throws(ConfigurationErrors) -> T {
        try finish()
        guard let value else { throw ConfigurationErrors([ConfigurationError(at: path, "incomplete")]) }
        return value
    }
}
