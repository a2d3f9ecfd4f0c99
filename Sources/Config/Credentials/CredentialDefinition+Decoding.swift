/// One entry of `credentials`: the common keys, and the keys of the source that `source` names.
extension CredentialDefinition: ConfigurationDecodable {
    static let commonKeys = ["source", "type", "ttl", "refreshAt", "fetchTimeout", "retry"]

    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(decoder)
        let name = decoder.codingPath.last?.stringValue ?? ""
        if !Self.isValidName(name) {
            object.report("a credential name may contain only letters, digits, '_', '.' and '-'")
        }
        let kinds = CredentialSource.kinds
        let kind = object.required("source") { try $0.choice(kinds.map { ($0.name, $0) }, describing: "source") }
        // Without a known source the other keys cannot be judged; the source's problem is enough.
        if let kind {
            object.rejectUnknownKeys(except: Self.commonKeys + kind.keys)
        }
        let source = kind.flatMap { $0.decode(&object) }
        let type = object.optional("type") { member in
            let type = try member.string()
            guard HeaderSyntax.isToken(type) else {
                throw InvalidValue("expected a token scheme like \"Bearer\" (letters, digits, !#$%&'*+-.^_`|~)")
            }
            return type
        }
        let ttl = object.optional("ttl") { try $0.duration() }
        let refreshAt = object.optional("refreshAt") { member in
            let fraction = try member.number()
            guard Self.refreshAtRange.contains(fraction) else { throw InvalidValue("must be between 0.1 and 0.95") }
            return fraction
        }
        let fetchTimeout = object.optional("fetchTimeout") { try $0.duration() }
        let retry = object.optional("retry") { try $0.decode(CredentialRetry.self) }
        self.init(
            name: name, source: try object.finish(returning: source), type: type ?? Self.defaultType, ttl: ttl,
            refreshAt: refreshAt ?? Self.defaultRefreshAt, fetchTimeout: fetchTimeout ?? Self.defaultFetchTimeout,
            retry: retry ?? .default)
    }

    /// `[A-Za-z0-9_.-]+`
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                JSON5Scanner.isDigit(byte) || (JSON5Scanner.isIdentifierStart(byte) && byte != UInt8(ascii: "$"))
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            }
    }
}
