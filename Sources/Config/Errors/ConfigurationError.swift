/// One problem in a configuration file: where it is and what is wrong.
///
/// Messages name the key path and quote the offending input, except where the input may be secret
/// (string values of secrets, header values, URLs that could carry a password): those are never
/// echoed. The description reads `line 20, column 17: routes[1].credential: no credential named "brav"`;
/// the location is absent for problems found without a file (resolving a secret at start-up).
package struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    package var keyPath: ConfigurationPath
    package var message: String
    package var location: SourceLocation?

    package init(at keyPath: ConfigurationPath, _ message: String, location: SourceLocation? = nil) {
        self.keyPath = keyPath
        self.message = message
        self.location = location
    }

    /// The key path as printed, empty for the document as a whole.
    package var path: String { keyPath.description }

    package var description: String {
        var text = location.map { "\($0): " } ?? ""
        if !keyPath.isRoot {
            text += "\(keyPath): "
        }
        return text + message
    }
}

/// All problems found in one configuration file, in the order they appear in the file.
package struct ConfigurationErrors: Error, Equatable, Sendable, CustomStringConvertible {
    package var errors: [ConfigurationError]

    package init(_ errors: [ConfigurationError]) {
        self.errors = errors
    }

    /// One problem per line.
    package var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// Something allowed but probably unwise, reported by `bearerd check` and at start-up. It has an
/// error's key path, message and location and reads the same, but it never stops a load.
package struct ConfigurationWarning: Equatable, Sendable, CustomStringConvertible {
    var problem: ConfigurationError

    package init(at keyPath: ConfigurationPath, _ message: String) {
        problem = ConfigurationError(at: keyPath, message)
    }

    init(_ problem: ConfigurationError) {
        self.problem = problem
    }

    package var path: String { problem.path }
    package var message: String { problem.message }
    package var description: String { problem.description }
}
