extension ConfigurationErrors {
    /// Turns whatever a decoding step threw into problems with paths; `path` is where the step was
    /// reading, used for `InvalidValue`, which does not know it.
    init(_ error: any Error, at path: ConfigurationPath) {
        switch error {
        case let errors as ConfigurationErrors:
            self = errors
        case let error as ConfigurationError:
            self.init([error])
        case let invalid as InvalidValue:
            self.init([ConfigurationError(at: path, invalid.message)])
        case let decodingError as DecodingError:
            self.init([ConfigurationError(decodingError)])
        default:
            self.init([ConfigurationError(at: path, "cannot be decoded")])
        }
    }
}

extension ConfigurationError {
    /// `routes[0].path: expected a string`. The decoder's own descriptions are not used: they are
    /// English for developers and could quote input.
    init(_ error: DecodingError) {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(at: ConfigurationPath(codingPath: context.codingPath), "expected \(Self.kind(of: type))")
        case .valueNotFound(let type, let context):
            self.init(
                at: ConfigurationPath(codingPath: context.codingPath), "expected \(Self.kind(of: type)), found null")
        case .keyNotFound(let key, let context):
            self.init(at: ConfigurationPath(codingPath: context.codingPath + [key]), "required key missing")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self.init(at: .root, "not valid JSON5")
        case .dataCorrupted(let context):
            self.init(at: ConfigurationPath(codingPath: context.codingPath), "invalid value")
        @unknown default:
            self.init(at: .root, "cannot be decoded")
        }
    }

    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String: Any].Type: "an object"
        case is [Any].Type: "an array"
        default: "a different type"
        }
    }
}
