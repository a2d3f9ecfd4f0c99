/// A path prefix on bearerd's side and where it goes: requests under `path` are forwarded to
/// `upstream` with the credential's token injected as `header: format`.
package struct RouteDefinition: Equatable, Sendable {
    /// Starts and ends with `/`; the longest matching prefix wins.
    package var path: String
    package var upstream: UpstreamURL
    /// The name of a credential in the same configuration.
    package var credential: String
    /// The injected header's name, as written (default `Authorization`).
    package var header: String
    package var format: HeaderTemplate
    /// Fixed extra headers, in the order written.
    package var headers: [HeaderField]
    /// A PEM file of CA certificates to trust for this upstream instead of the system's.
    package var caFile: String?
    package var allowedOrigins: [AllowedOrigin]
    package var proxy: ProxyURL?
    package var timeouts: RouteTimeouts
    /// After an upstream 401 on a request that carried the current token: refresh the token and send
    /// the request once more (when its body was small enough to keep).
    package var retryOn401: Bool

    package static let defaultHeader = "Authorization"

    package init(
        path: String, upstream: UpstreamURL, credential: String, header: String = defaultHeader,
        format: HeaderTemplate = .default, headers: [HeaderField] = [], caFile: String? = nil,
        allowedOrigins: [AllowedOrigin] = [], proxy: ProxyURL? = nil, timeouts: RouteTimeouts = RouteTimeouts(),
        retryOn401: Bool = true
    ) {
        self.path = path
        self.upstream = upstream
        self.credential = credential
        self.header = header
        self.format = format
        self.headers = headers
        self.caFile = caFile
        self.allowedOrigins = allowedOrigins
        self.proxy = proxy
        self.timeouts = timeouts
        self.retryOn401 = retryOn401
    }
}
