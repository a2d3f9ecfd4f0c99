/// A validated bearerd configuration: what `ConfigurationLoader.parse` makes of a `bearerd.json5`.
///
/// Every part is `Equatable`, so a reload can tell which credentials and routes changed (a literal
/// secret compares with `Secret.isEqual(to:)`).
package struct Configuration: Equatable, Sendable {
    /// At least one; duplicates are refused (two `:0` ports are not duplicates).
    package var listeners: [ListenAddress]
    /// Host names accepted in `Host` besides `localhost`, `127.0.0.1` and `[::1]`; lowercased, no port.
    package var allowedHosts: [String]
    package var logLevel: LogLevel
    package var limits: Limits
    package var timeouts: Timeouts
    package var service: ServiceSettings
    /// Sorted by name; names are unique.
    package var credentials: [CredentialDefinition]
    /// In file order; paths are unique and each names a credential in `credentials`.
    package var routes: [RouteDefinition]

    package init(
        listeners: [ListenAddress] = ListenAddress.defaults, allowedHosts: [String] = [], logLevel: LogLevel = .info,
        limits: Limits = .defaults, timeouts: Timeouts = .defaults, service: ServiceSettings = .defaults,
        credentials: [CredentialDefinition] = [], routes: [RouteDefinition] = []
    ) {
        self.service = service
        self.listeners = listeners
        self.allowedHosts = allowedHosts
        self.logLevel = logLevel
        self.limits = limits
        self.timeouts = timeouts
        self.credentials = credentials.sorted { $0.name < $1.name }
        self.routes = routes
    }

    package func credential(named name: String) -> CredentialDefinition? {
        credentials.first { $0.name == name }
    }
}
