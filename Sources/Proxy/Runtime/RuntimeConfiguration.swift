import Config
import EventLoop
import HTTP1
import TokenCore

/// A `Configuration` turned into the objects the proxy runs: credentials with their sources,
/// routes pointing at them, and the settings snapshot. Secrets are read here (environment, files,
/// systemd credentials); a problem names its key path and nothing starts.
struct RuntimeConfiguration {
    /// Each credential with the definition it was made from (a reload compares them).
    let credentials: [String: (definition: CredentialDefinition, credential: Credential)]
    /// Credentials made new (not kept from `previous`): they still need `start()`.
    let newCredentials: [Credential]
    let settings: ProxySettings

    /// - Parameter previous: the credentials of the configuration running now; one whose definition
    ///   and token source are unchanged is kept, with its cached token.
    init(
        _ configuration: Configuration, environment: [String: String], loop: EventLoop, logger: Logger,
        previous: [String: (definition: CredentialDefinition, credential: Credential)] = [:]
    ) throws(ConfigurationErrors) {
        var errors: [ConfigurationError] = []
        var credentials: [String: (definition: CredentialDefinition, credential: Credential)] = [:]
        var newCredentials: [Credential] = []
        let context = SourceContext(
            loop: loop, logger: logger, resolver: SecretResolver(environment: environment),
            needsCurl: configuration.credentials.contains(where: \.source.fetchesOverHTTP))
        for definition in configuration.credentials {
            do {
                let source = try Self.source(for: definition, context: context)
                if let kept = previous[definition.name], kept.definition == definition,
                   kept.credential.keepsTokens(with: source) {
                    source.stop()
                    credentials[definition.name] = kept
                    continue
                }
                let credential = Credential(
                    name: definition.name, source: source, policy: Self.policy(for: definition), loop: loop,
                    logger: logger)
                credentials[definition.name] = (definition, credential)
                newCredentials.append(credential)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else {
            for credential in newCredentials { credential.stop() }
            throw ConfigurationErrors(errors)
        }
        let defaults = configuration.timeouts
        let routes = configuration.routes.compactMap { definition -> Route? in
            guard let credential = credentials[definition.credential]?.credential else { return nil }
            return Route(
                path: definition.path,
                upstreamPrefix: Self.upstreamPrefix(definition.upstream),
                credential: credential,
                injection: Injection(
                    headerName: definition.header, parts: definition.format.parts.map(Injection.Part.init)),
                fixedHeaders: definition.headers.map { ($0.name, $0.value) },
                caFile: definition.caFile,
                proxy: definition.proxy?.description,
                allowedOrigins: definition.allowedOrigins.map(\.description),
                timeouts: UpstreamTimeouts(
                    connect: definition.timeouts.connect ?? defaults.connect,
                    response: definition.timeouts.response ?? defaults.response,
                    idle: definition.timeouts.idle ?? defaults.idle),
                retryOn401: definition.retryOn401)
        }
        let limits = configuration.limits
        self.credentials = credentials
        self.newCredentials = newCredentials
        settings = ProxySettings(
            routes: RouteTable(routes),
            limits: HTTPParserLimits(
                maxRequestLineBytes: limits.requestLine, maxHeaderBytes: limits.headerBytes,
                maxHeaderCount: limits.headerCount, maxBodyBytes: Int64(limits.body)),
            allowedHosts: configuration.allowedHosts,
            clientTimeouts: ClientTimeouts(idle: defaults.clientIdle, head: defaults.clientHeader),
            replayBodyLimit: limits.replayBody)
    }

    private static func source(
        for definition: CredentialDefinition, context: SourceContext
    ) throws(ConfigurationError) -> TokenSource {
        let scheme = definition.type == CredentialDefinition.defaultType ? nil : definition.type
        switch definition.source {
        case .static(let source):
            let secret = try context.resolver.resolve(source.value)
            return StaticTokenSource(loop: context.loop, secret: secret, scheme: scheme)
        case .file(let source):
            return FileTokenSource(loop: context.loop, path: source.path, scheme: scheme)
        case .http(let source):
            return try IssuerTokenSource.http(
                source, curl: context.curlMulti(for: definition), resolver: context.resolver, scheme: scheme)
        case .oauth2(let source):
            return try IssuerTokenSource.oauth2(
                source, curl: context.curlMulti(for: definition), resolver: context.resolver, scheme: scheme)
        case .exec(let source):
            return try ExecTokenSource.exec(
                source, loop: context.loop, resolver: context.resolver, scheme: scheme, credential: definition.name,
                logger: context.logger)
        }
    }

    /// The definition's timing; the backoff after permanent failures stays TokenCore's.
    private static func policy(for definition: CredentialDefinition) -> RefreshPolicy {
        RefreshPolicy(
            refreshAt: definition.refreshAt, ttl: definition.ttl, fetchTimeout: definition.fetchTimeout,
            transientBackoff: Backoff(base: definition.retry.base, cap: definition.retry.max, jitter: .full))
    }

    /// `https://host[:port]/base/`: what the request path after the route prefix is appended to.
    private static func upstreamPrefix(_ upstream: UpstreamURL) -> String {
        "\(upstream.scheme.rawValue)://\(upstream.host):\(upstream.port)\(upstream.basePath)"
    }
}

extension Injection.Part {
    init(_ part: HeaderTemplate.Part) {
        switch part {
        case .literal(let text): self = .literal(text)
        case .token: self = .token
        case .type: self = .type
        }
    }
}
