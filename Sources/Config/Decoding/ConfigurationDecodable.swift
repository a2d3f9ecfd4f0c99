/// A model type that decodes itself from JSONDecoder's `Decoder`, throwing `ConfigurationErrors` (all
/// of its problems at once), `InvalidValue` (one problem at the decoder's path) or `DecodingError`.
///
/// Internal on purpose: the package types are not `Decodable`, so nothing can decode them without the
/// syntax scan in front of JSONDecoder that keeps malformed input from trapping.
protocol ConfigurationDecodable {
    init(decodingFrom decoder: any Decoder) throws
}

/// A problem with one value; whoever catches it knows the value's path.
struct InvalidValue: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

/// Bridges a `ConfigurationDecodable` into JSONDecoder.
struct Decoding<Value: ConfigurationDecodable>: Decodable {
    var value: Value

    init(from decoder: any Decoder) throws {
        value = try Value(decodingFrom: decoder)
    }
}

/// Decodes a value and keeps its problems instead of throwing them, so that an array or dictionary
/// moves on to its next element and every element's problems are reported.
struct Attempt<Value: ConfigurationDecodable>: Decodable {
    var result: Result<Value, ConfigurationErrors>

    init(from decoder: any Decoder) {
        do {
            result = .success(try Value(decodingFrom: decoder))
        } catch {
            result = .failure(ConfigurationErrors(error, at: ConfigurationPath(codingPath: decoder.codingPath)))
        }
    }
}
