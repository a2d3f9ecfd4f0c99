/// One entry of `routes`.
extension RouteDefinition: ConfigurationDecodable {
    static let keys = [
        "path", "upstream", "credential", "header", "format", "headers", "caFile", "allowedOrigins", "proxy",
        "timeouts", "retryOn401",
    ]

    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(decoder, knownKeys: Self.keys)
        let path = object.required("path") { try PathSyntax.routePath($0.string()) }
        let upstream = object.required("upstream") { try UpstreamURL(parsing: $0.string()) }
        let credential = object.required("credential") { try $0.string() }
        let header = object.optional("header") { member in
            let name = try member.string()
            try HeaderSyntax.checkInjectable(name)
            return name
        }
        let format = object.optional("format") { try HeaderTemplate(parsing: $0.string()) }
        let headers = object.optional("headers") { try $0.decode(FixedHeaders.self).fields }
        let caFile = object.optional("caFile") { try PathSyntax.absoluteFile($0.string()) }
        let allowedOrigins = object.optional("allowedOrigins") { try $0.strings(AllowedOrigin.init(parsing:)) }
        let proxy = object.optional("proxy") { try ProxyURL(parsing: $0.string()) }
        let timeouts = object.optional("timeouts") { try $0.decode(RouteTimeouts.self) }
        let retryOn401 = object.optional("retryOn401") { try $0.bool() }
        let injected = header ?? Self.defaultHeader
        for field in headers ?? [] where field.name.lowercased() == injected.lowercased() {
            object.report(
                "conflicts with the injected header \(ConfigurationPath.quoted(injected))",
                below: object.path.appending("headers").appending(field.name))
        }
        let route: RouteDefinition? =
            if let path, let upstream, let credential {
                RouteDefinition(
                    path: path, upstream: upstream, credential: credential, header: injected,
                    format: format ?? .default,
                    headers: headers ?? [], caFile: caFile, allowedOrigins: allowedOrigins ?? [], proxy: proxy,
                    timeouts: timeouts ?? RouteTimeouts(), retryOn401: retryOn401 ?? true)
            } else {
                nil
            }
        self = try object.finish(returning: route)
    }
}

/// A route's `headers: { "anthropic-version": "2023-06-01" }`, kept in the order written.
struct FixedHeaders: ConfigurationDecodable {
    var fields: [HeaderField]

    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(decoder)
        var fields: [HeaderField] = []
        var seen: [String: String] = [:]
        for name in object.keysInSourceOrder(decoder) {
            let value = object.required(name) { member in
                let value = try member.string()
                try HeaderSyntax.checkInjectable(name)
                guard value.utf8.allSatisfy(HeaderSyntax.isValueByte) else {
                    throw InvalidValue("the value may contain only visible ASCII, space and tab")
                }
                return value
            }
            if let first = seen[name.lowercased()] {
                object.report("the same header as \(ConfigurationPath.quoted(first))", at: name)
            } else if let value {
                seen[name.lowercased()] = name
                fields.append(HeaderField(name: name, value: value))
            }
        }
        try object.finish()
        self.fields = fields
    }
}
