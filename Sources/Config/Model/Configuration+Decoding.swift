/// The top-level object.
extension Configuration: ConfigurationDecodable {
    static let keys = [
        "listen", "allowedHosts", "logLevel", "limits", "timeouts", "readyWhen", "readyTimeout", "shutdownGrace",
        "credentials", "routes",
    ]

    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(decoder, knownKeys: Self.keys)
        let listeners = object.optionalElements("listen", of: ListenAddress.self)
        if listeners?.isEmpty == true {
            object.report("must list at least one address", at: "listen")
        }
        let allowedHosts = object.optional("allowedHosts") { try $0.strings(Self.allowedHost) }
        let logLevel = object.optional("logLevel") { member in
            try member.choice(LogLevel.allCases.map { ($0.rawValue, $0) }, describing: "level")
        }
        let limits = object.optional("limits") { try $0.decode(Limits.self) }
        let timeouts = object.optional("timeouts") { try $0.decode(Timeouts.self) }
        let readyWhen = object.optional("readyWhen") { member in
            try member.choice(
                ServiceSettings.ReadyCondition.allCases.map { ($0.rawValue, $0) }, describing: "condition")
        }
        let readyTimeout = object.optional("readyTimeout") { try $0.duration() }
        let shutdownGrace = object.optional("shutdownGrace") { try $0.duration() }
        let credentials = object.optionalEntries("credentials", of: CredentialDefinition.self) ?? []
        let routes = object.optionalElements("routes", of: RouteDefinition.self) ?? []
        object.report(Self.duplicateListeners(listeners ?? []))
        object.report(Self.duplicateRoutes(routes))
        object.report(Self.unknownCredentials(in: routes, names: credentials.map(\.key)))
        try object.finish()
        self.init(
            listeners: listeners?.compactMap { $0 } ?? ListenAddress.defaults, allowedHosts: allowedHosts ?? [],
            logLevel: logLevel ?? .info, limits: limits ?? .defaults, timeouts: timeouts ?? .defaults,
            service: ServiceSettings(
                readyWhen: readyWhen ?? ServiceSettings.defaults.readyWhen,
                readyTimeout: readyTimeout ?? ServiceSettings.defaults.readyTimeout,
                shutdownGrace: shutdownGrace ?? ServiceSettings.defaults.shutdownGrace),
            credentials: credentials.compactMap(\.value), routes: routes.compactMap { $0 })
    }

    /// A name or address as it appears in `Host`, without the port: `devbox.local`, `10.0.0.2`, `[fd00::1]`.
    private static func allowedHost(_ text: String) throws(InvalidValue) -> String {
        let host = text.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]"), IPAddressSyntax.ipv6(host.dropFirst().dropLast()) != nil {
            return host
        }
        let isNameByte = { (byte: UInt8) in
            JSON5Scanner.isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
        guard !host.isEmpty, host.utf8.allSatisfy(isNameByte) else {
            throw InvalidValue(#"expected a host name without a port, like "devbox.local""#)
        }
        return host
    }
}
