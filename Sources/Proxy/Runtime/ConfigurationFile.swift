import Config

/// A configuration file read and checked the way `run` and `check` both need it.
package enum ConfigurationFile {
    package struct Loaded {
        package var configuration: Configuration
        package var warnings: [ConfigurationWarning]
    }

    /// Reads and parses `path`, then resolves every secret it references (so a missing environment
    /// variable is reported now, with its key path, not at the first request).
    package static func load(path: String, environment: [String: String]) -> Result<Loaded, ConfigurationFileError> {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            return .failure(ConfigurationFileError("cannot read \(path): \(error)"))
        }
        return parse(bytes, origin: path, environment: environment)
    }

    package static func parse(_ bytes: [UInt8], origin: String, environment: [String: String]) -> Result<Loaded, ConfigurationFileError> {
        let parsed: (configuration: Configuration, warnings: [ConfigurationWarning])
        do {
            parsed = try ConfigurationLoader.parse(bytes)
        } catch {
            return .failure(ConfigurationFileError(error.errors.map { "\(origin): \($0)" }.joined(separator: "\n")))
        }
        var problems: [String] = []
        for credential in parsed.configuration.credentials {
            for reference in credential.source.secretReferences {
                do {
                    _ = try reference.resolve(environment: environment, readFile: FileBytes.read)
                } catch {
                    problems.append("\(origin): \(error)")
                }
            }
        }
        guard problems.isEmpty else { return .failure(ConfigurationFileError(problems.joined(separator: "\n"))) }
        return .success(Loaded(configuration: parsed.configuration, warnings: parsed.warnings))
    }
}

/// Why a configuration file cannot be used; one problem per line.
package struct ConfigurationFileError: Error, CustomStringConvertible {
    package var description: String

    init(_ description: String) {
        self.description = description
    }
}
