/// One member of an object being read by `ObjectReader`: its value as a string, a number, a nested
/// model value, or an array or object of them.
struct Member {
    let container: KeyedDecodingContainer<AnyKey>
    let key: AnyKey
    let path: ConfigurationPath

    func string() throws -> String {
        try container.decode(String.self, forKey: key)
    }

    func bool() throws -> Bool {
        try container.decode(Bool.self, forKey: key)
    }

    func number() throws -> Double {
        try container.decode(Double.self, forKey: key)
    }

    func decode<T: ConfigurationDecodable>(_ type: T.Type) throws -> T {
        try container.decode(Decoding<T>.self, forKey: key).value
    }

    /// An array of strings, each turned into a value by `parse`; the problems of all elements are
    /// thrown together, each at its element's path.
    func strings<T>(_ parse: (String) throws -> T) throws -> [T] {
        var elements = try container.nestedUnkeyedContainer(forKey: key)
        var values: [T] = []
        var problems: [ConfigurationError] = []
        while !elements.isAtEnd {
            let elementPath = path.appending(index: elements.currentIndex)
            do {
                values.append(try parse(try elements.decode(String.self)))
            } catch let error as DecodingError {
                // A failed decode does not advance the container: nothing after it can be read.
                problems.append(ConfigurationError(error))
                break
            } catch {
                problems += ConfigurationErrors(error, at: elementPath).errors
            }
        }
        guard problems.isEmpty else { throw ConfigurationErrors(problems) }
        return values
    }

    /// An array of model values, each decoded on its own.
    func elements<T: ConfigurationDecodable>(_ type: T.Type) throws -> [Result<T, ConfigurationErrors>] {
        var elements = try container.nestedUnkeyedContainer(forKey: key)
        var results: [Result<T, ConfigurationErrors>] = []
        while !elements.isAtEnd {
            results.append(try elements.decode(Attempt<T>.self).result)
        }
        return results
    }

    /// An object of model values, each decoded on its own, sorted by key.
    func entries<T: ConfigurationDecodable>(
        _ type: T.Type
    ) throws -> [(key: String, result: Result<T, ConfigurationErrors>)] {
        let object = try container.nestedContainer(keyedBy: AnyKey.self, forKey: key)
        return try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
            (key.stringValue, try object.decode(Attempt<T>.self, forKey: key).result)
        }
    }
}
