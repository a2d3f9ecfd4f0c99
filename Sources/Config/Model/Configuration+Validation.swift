/// Checks across entries, run on whatever entries decoded.
extension Configuration {
    static func duplicateListeners(_ listeners: [ListenAddress?]) -> [ConfigurationError] {
        var firstIndex: [String: Int] = [:]
        var errors: [ConfigurationError] = []
        for (index, listener) in listeners.enumerated() {
            guard let listener, let identity = identity(of: listener) else { continue }
            if let first = firstIndex[identity] {
                errors.append(
                    ConfigurationError(
                        at: ConfigurationPath([.key("listen"), .index(index)]), "the same address as listen[\(first)]"))
            } else {
                firstIndex[identity] = index
            }
        }
        return errors
    }

    /// What two listeners must not share: a TCP address (port 0 asks for a fresh port each time, so
    /// it never collides), or a socket path whatever its mode.
    private static func identity(of listener: ListenAddress) -> String? {
        switch listener {
        case .tcp(_, 0): nil
        case .tcp: listener.description
        case .unix(let path, _): "unix:\(path)"
        }
    }

    static func duplicateRoutes(_ routes: [RouteDefinition?]) -> [ConfigurationError] {
        var firstIndex: [String: Int] = [:]
        var errors: [ConfigurationError] = []
        for (index, route) in routes.enumerated() {
            guard let route else { continue }
            if let first = firstIndex[route.path] {
                errors.append(
                    ConfigurationError(
                        at: ConfigurationPath([.key("routes"), .index(index), .key("path")]),
                        "\(ConfigurationPath.quoted(route.path)) is already the path of routes[\(first)]"))
            } else {
                firstIndex[route.path] = index
            }
        }
        return errors
    }

    static func unknownCredentials(in routes: [RouteDefinition?], names: [String]) -> [ConfigurationError] {
        routes.enumerated().compactMap { index, route in
            guard let route, !names.contains(route.credential) else { return nil }
            return ConfigurationError(
                at: ConfigurationPath([.key("routes"), .index(index), .key("credential")]),
                "no credential named \(ConfigurationPath.quoted(route.credential))"
                    + Suggestion.didYouMean(route.credential, among: names))
        }
    }
}
