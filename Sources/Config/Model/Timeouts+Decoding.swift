/// `timeouts: { connect: "10s", ... }`: every key optional.
extension Timeouts: ConfigurationDecodable {
    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(
            decoder, knownKeys: ["connect", "response", "idle", "clientIdle", "clientHeader"])
        let defaults = Timeouts.defaults
        let connect = object.optional("connect") { try $0.duration() }
        let response = object.optional("response") { try $0.duration() }
        let idle = object.optional("idle") { try $0.duration() }
        let clientIdle = object.optional("clientIdle") { try $0.duration() }
        let clientHeader = object.optional("clientHeader") { try $0.duration() }
        try object.finish()
        self.init(
            connect: connect ?? defaults.connect, response: response ?? defaults.response, idle: idle ?? defaults.idle,
            clientIdle: clientIdle ?? defaults.clientIdle, clientHeader: clientHeader ?? defaults.clientHeader)
    }
}
