import Config

/// A configuration file read and checked the way `run` and `check` both need it.
package enum ConfigurationFile {
    package struct Loaded {
        package var configuration: Configuration
        package var warnings: [ConfigurationWarning]
        /// Secrets `check` could not look at from where it runs (systemd credentials outside the unit).
        package var unverified: [String] = []
    }

    /// `check` runs in an administrator's shell, where `$CREDENTIALS_DIRECTORY` (made by systemd for
    /// the unit only) does not exist: it reports such references as not verified instead of failing.
    /// `run` needs every secret.
    package enum Purpose {
        case run
        case check
    }

    /// Reads and parses `path`, then resolves every secret it references (so a missing environment
    /// variable is reported now, with its key path, not at the first request).
    package static func load(
        path: String, environment: [String: String], purpose: Purpose = .run
    ) -> Result<Loaded, ConfigurationFileError> {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            return .failure(ConfigurationFileError("cannot read \(path): \(error)"))
        }
        return parse(bytes, origin: path, environment: environment, purpose: purpose)
    }

    package static func parse(
        _ bytes: [UInt8], origin: String, environment: [String: String], purpose: Purpose = .run
    ) -> Result<Loaded, ConfigurationFileError> {
        let parsed: (configuration: Configuration, warnings: [ConfigurationWarning])
        do {
            parsed = try ConfigurationLoader.parse(bytes)
        } catch {
            return .failure(ConfigurationFileError(error.errors.map { "\(origin): \($0)" }.joined(separator: "\n")))
        }
        var problems: [String] = []
        var unverified: [String] = []
        let outsideService = environment[SecretReference.credentialsDirectoryVariable] == nil
        for credential in parsed.configuration.credentials {
            for reference in credential.source.secretReferences {
                if purpose == .check, outsideService, case .systemd(let name) = reference.origin {
                    unverified.append("\(reference.keyPath).systemd: systemd credential \"\(name)\" not checked: "
                        + "$CREDENTIALS_DIRECTORY exists only in the service (set it to check the files)")
                    continue
                }
                do {
                    _ = try reference.resolve(environment: environment, readFile: FileBytes.read)
                } catch {
                    problems.append("\(origin): \(error)")
                }
            }
        }
        guard problems.isEmpty else { return .failure(ConfigurationFileError(problems.joined(separator: "\n"))) }
        return .success(Loaded(configuration: parsed.configuration, warnings: parsed.warnings, unverified: unverified))
    }
}

/// Why a configuration file cannot be used; one problem per line.
package struct ConfigurationFileError: Error, CustomStringConvertible {
    package var description: String

    init(_ description: String) {
        self.description = description
    }
}
