/// What is allowed but probably not meant.
extension Configuration {
    static let inlineSecretWarning = "inline secret literal; use { env }, { file } or { systemd }"

    /// The warnings for this configuration, without locations (the loader adds them).
    package func warnings() -> [ConfigurationWarning] {
        var warnings: [ConfigurationWarning] = []
        for (index, listener) in listeners.enumerated() where !listener.isLoopback {
            warnings.append(
                ConfigurationWarning(
                    at: ConfigurationPath([.key("listen"), .index(index)]),
                    "\(listener) is not a loopback address; anyone who can reach it can use the credentials"))
        }
        for credential in credentials {
            for secret in credential.source.secretReferences where secret.isLiteral {
                warnings.append(ConfigurationWarning(at: secret.keyPath, Self.inlineSecretWarning))
            }
            if !routes.contains(where: { $0.credential == credential.name }) {
                warnings.append(
                    ConfigurationWarning(
                        at: ConfigurationPath([.key("credentials"), .key(credential.name)]), "not used by any route"))
            }
        }
        for (routeIndex, route) in routes.enumerated() {
            for (index, origin) in route.allowedOrigins.enumerated() where origin == .any {
                warnings.append(
                    ConfigurationWarning(
                        at: ConfigurationPath([
                            .key("routes"), .index(routeIndex), .key("allowedOrigins"), .index(index),
                        ]),
                        "\"*\" lets any web page send requests with this route's credential"))
            }
        }
        if routes.isEmpty {
            warnings.append(
                ConfigurationWarning(at: ConfigurationPath([.key("routes")]), "no routes; every request gets 404"))
        }
        return warnings
    }
}
