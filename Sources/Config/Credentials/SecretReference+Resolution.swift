import TokenCore

extension SecretReference {
    /// The variable systemd sets to the directory of a unit's credentials (LoadCredential=).
    package static let credentialsDirectoryVariable = "CREDENTIALS_DIRECTORY"

    /// Reads the secret. Environment and file access are injected so that tests (and a reload) decide
    /// what they see. One trailing LF or CRLF is removed from file contents (editors and `echo` add
    /// one); an empty secret or one with control characters is an error. Errors name the key path and
    /// the variable or file, never the value: `credentials.brave.value.env: environment variable
    /// "BRAVE_API_KEY" is not set`.
    package func resolve(
        environment: [String: String],
        readFile: (String) throws -> [UInt8]
    ) throws(ConfigurationError) -> Secret {
        switch origin {
        case .literal(let secret):
            return secret
        case .environment(let name):
            let path = keyPath.appending("env")
            let subject = "environment variable \(ConfigurationPath.quoted(name))"
            guard let value = environment[name] else { throw ConfigurationError(at: path, "\(subject) is not set") }
            return try Self.secret(Array(value.utf8), subject: subject, at: path)
        case .file(let file):
            let path = keyPath.appending("file")
            let subject = "file \(ConfigurationPath.quoted(file))"
            let contents: [UInt8]
            do {
                contents = try readFile(file)
            } catch {
                throw ConfigurationError(at: path, "cannot read \(subject): \(error)")
            }
            return try Self.secret(Self.trimmingOneLineEnd(contents), subject: subject, at: path)
        case .systemd(let name):
            let path = keyPath.appending("systemd")
            guard let directory = environment[Self.credentialsDirectoryVariable], !directory.isEmpty else {
                throw ConfigurationError(
                    at: path,
                    "$\(Self.credentialsDirectoryVariable) is not set (systemd sets it for a unit with "
                        + "LoadCredential= or SetCredential=)")
            }
            let subject = "systemd credential \(ConfigurationPath.quoted(name))"
            let file = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let contents: [UInt8]
            do {
                contents = try readFile(file)
            } catch {
                throw ConfigurationError(
                    at: path, "cannot read \(subject) in $\(Self.credentialsDirectoryVariable): \(error)")
            }
            return try Self.secret(Self.trimmingOneLineEnd(contents), subject: subject, at: path)
        }
    }

    private static func secret(
        _ bytes: [UInt8], subject: String, at path: ConfigurationPath
    ) throws(ConfigurationError) -> Secret {
        guard !bytes.isEmpty else { throw ConfigurationError(at: path, "\(subject) is empty") }
        do {
            try checkNoControlCharacters(bytes)
        } catch {
            throw ConfigurationError(at: path, "\(subject) \(error.message)")
        }
        return Secret(bytes: bytes)
    }

    /// Drops one trailing `\n` or `\r\n`.
    static func trimmingOneLineEnd(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.last == UInt8(ascii: "\n") else { return bytes }
        let withoutLF = bytes.dropLast()
        return Array(withoutLF.last == UInt8(ascii: "\r") ? withoutLF.dropLast() : withoutLF)
    }
}
