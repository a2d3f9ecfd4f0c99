/// `limits: { requestLine: 8192, headerBytes: "64KiB", headerCount: 100, body: "128MiB", replayBody: "1MiB" }`.
extension Limits: ConfigurationDecodable {
    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(
            decoder, knownKeys: ["requestLine", "headerBytes", "headerCount", "body", "replayBody"])
        let defaults = Limits.defaults
        let requestLine = object.optional("requestLine") { try $0.size() }
        let headerBytes = object.optional("headerBytes") { try $0.size() }
        let headerCount = object.optional("headerCount") { try $0.count() }
        let body = object.optional("body") { try $0.size() }
        let replayBody = object.optional("replayBody") { try $0.size() }
        try object.finish()
        self.init(
            requestLine: requestLine ?? defaults.requestLine, headerBytes: headerBytes ?? defaults.headerBytes,
            headerCount: headerCount ?? defaults.headerCount, body: body ?? defaults.body,
            replayBody: replayBody ?? defaults.replayBody)
    }
}
