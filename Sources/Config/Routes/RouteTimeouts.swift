/// A route's own upstream timeouts; nil takes the global one.
package struct RouteTimeouts: Equatable, Sendable {
    package var connect: Duration?
    package var response: Duration?
    package var idle: Duration?

    package init(connect: Duration? = nil, response: Duration? = nil, idle: Duration? = nil) {
        self.connect = connect
        self.response = response
        self.idle = idle
    }

    /// The timeouts in force for the route, given the global ones.
    package func resolved(with global: Timeouts) -> (connect: Duration, response: Duration, idle: Duration) {
        (connect ?? global.connect, response ?? global.response, idle ?? global.idle)
    }
}

/// A route's `timeouts: { response: "30m" }`: the upstream ones only.
extension RouteTimeouts: ConfigurationDecodable {
    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(decoder, knownKeys: ["connect", "response", "idle"])
        let connect = object.optional("connect") { try $0.duration() }
        let response = object.optional("response") { try $0.duration() }
        let idle = object.optional("idle") { try $0.duration() }
        try object.finish()
        self.init(connect: connect, response: response, idle: idle)
    }
}
