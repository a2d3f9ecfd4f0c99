/// A response as `TestClient` received it.
package struct ReceivedResponse: Sendable, CustomStringConvertible {
    /// `HTTP/1.1` or whatever the status line said.
    package var version: String
    package var status: Int
    package var reason: String
    /// Every field in order, names and values exactly as sent.
    package var headers: [HeaderField]
    package var framing: BodyFraming
    /// The body after de-chunking; empty when the client only counted it.
    package var body: [UInt8]
    package var bodyDigest: BodyDigest
    /// The chunks of a chunked body as received (data empty when counted).
    package var chunks: [ReceivedChunk]
    package var trailers: [HeaderField]
    /// Interim (1xx) responses that came before this one.
    package var informational: [MessageHead]

    package var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The first value of `name` (case-insensitive).
    package func header(_ name: String) -> String? { headers.value(of: name) }

    /// The body decoded as an echo handler's JSON.
    package func echo() throws -> EchoReply { try EchoReply(json: body) }

    package var description: String { "\(status) \(reason), \(framing), body \(bodyDigest)" }

    /// Parses a status line and makes a response without body yet.
    init(head: MessageHead) throws {
        let parts = head.startLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3, let status = Int(parts[1]) else {
            throw TestSupportError(.protocolViolation, "invalid status line \(quoted(Array(latin1: head.startLine)))")
        }
        version = String(parts[0])
        self.status = status
        reason = parts.count == 3 ? String(parts[2]) : ""
        headers = head.fields
        framing = .none
        body = []
        bodyDigest = BodyDigest()
        chunks = []
        trailers = []
        informational = []
    }

    /// The framing of this response's body (RFC 9112 6.3): none after HEAD and for 1xx, 204, 304.
    func bodyFraming(requestWasHead: Bool) throws -> BodyFraming {
        if requestWasHead || status == 204 || status == 304 || (100..<200).contains(status) { return .none }
        return try MessageHead(startLine: "", fields: headers).bodyFraming(isRequest: false)
    }
}
