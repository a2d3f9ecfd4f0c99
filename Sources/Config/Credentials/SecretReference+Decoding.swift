import TokenCore

/// `"literal"`, `{ env: "NAME" }`, `{ file: "/path" }` or `{ systemd: "NAME" }`.
extension SecretReference: ConfigurationDecodable {
    static let kinds = ["env", "file", "systemd"]

    init(decodingFrom decoder: any Decoder) throws {
        let path = ConfigurationPath(codingPath: decoder.codingPath)
        guard (try? decoder.container(keyedBy: AnyKey.self)) != nil else {
            guard let literal = try? decoder.singleValueContainer().decode(String.self) else {
                throw InvalidValue("expected { env: \"NAME\" }, { file: \"/path\" }, { systemd: \"NAME\" } or a string")
            }
            guard !literal.isEmpty else { throw InvalidValue("must not be empty") }
            try Self.checkNoControlCharacters(Array(literal.utf8))
            self.init(.literal(Secret(literal)), at: path)
            return
        }
        var object = try ObjectReader(decoder, knownKeys: Self.kinds)
        let present = Self.kinds.filter(object.contains)
        guard present.count == 1, let kind = present.first else {
            if present.count > 1 {
                object.report("expected only one of env, file or systemd")
            } else if !object.hasProblems {
                object.report("expected one key: env, file or systemd")
            }
            throw ConfigurationErrors(object.problems)
        }
        let origin: Origin? = object.required(kind) { member in
            let name = try member.string()
            switch kind {
            case "env": return .environment(try Self.environmentName(name))
            case "file": return .file(try PathSyntax.absoluteFile(name))
            default: return .systemd(try Self.systemdName(name))
            }
        }
        self.init(try object.finish(returning: origin), at: path)
    }

    /// POSIX portable names: letters, digits, `_`, not starting with a digit.
    private static func environmentName(_ name: String) throws(InvalidValue) -> String {
        let isNameByte = { (byte: UInt8) in
            JSON5Scanner.isDigit(byte) || (JSON5Scanner.isIdentifierStart(byte) && byte != UInt8(ascii: "$"))
        }
        guard let first = name.utf8.first, !JSON5Scanner.isDigit(first), name.utf8.allSatisfy(isNameByte) else {
            throw InvalidValue("expected an environment variable name (letters, digits and _)")
        }
        return name
    }

    /// A file name inside `$CREDENTIALS_DIRECTORY`.
    private static func systemdName(_ name: String) throws(InvalidValue) -> String {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.utf8.contains(0) else {
            throw InvalidValue("expected a systemd credential name (a file name, no \"/\")")
        }
        return name
    }

    /// A secret goes into a header: a line break in it would split the request (and is most often a
    /// file that holds more than the token).
    static func checkNoControlCharacters(_ bytes: [UInt8]) throws(InvalidValue) {
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            throw InvalidValue("must not contain control characters or line breaks")
        }
    }
}
