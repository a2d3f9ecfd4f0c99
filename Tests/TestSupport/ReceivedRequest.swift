/// A request as an upstream peer received it.
package struct ReceivedRequest: Sendable, CustomStringConvertible {
    package var method: String
    package var target: String
    /// `HTTP/1.1` or whatever the request line said.
    package var version: String
    /// Every field in order, names and values exactly as sent.
    package var headers: [HeaderField]
    /// The body (after de-chunking); empty when the peer only counts bodies.
    package var body: [UInt8]
    /// Length and hash of the body, kept in both modes.
    package var bodyDigest: BodyDigest
    package var framing: BodyFraming
    /// Sizes of the chunks of a chunked body, in order.
    package var chunkSizes: [Int]
    package var trailers: [HeaderField]
    /// Whether the request said `Expect: 100-continue` (the peer answered `100 Continue`).
    package var expectedContinue: Bool
    /// Which accepted connection it came on, counting from 1.
    package var connectionID: Int
    /// Its position on that connection, counting from 1.
    package var sequence: Int

    package var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The first value of `name` (case-insensitive).
    package func header(_ name: String) -> String? { headers.value(of: name) }

    package var description: String { "\(method) \(target) (connection \(connectionID) #\(sequence))" }

    /// Whether the connection stays open after the response (RFC 9112 9.3).
    var keepsAlive: Bool {
        let options = headers.tokens(of: "Connection")
        if options.contains("close") { return false }
        return version == "HTTP/1.1" || options.contains("keep-alive")
    }
}

extension ReceivedRequest {
    /// Reads one request, body included. Nil if the client closed the connection before its first
    /// byte. `continueRequested` runs when the head asks for `100-continue`, before the body is read.
    static func read(
        from reader: inout SocketReader,
        connectionID: Int,
        sequence: Int,
        bodyMode: BodyMode,
        continueRequested: () throws -> Void
    ) throws -> ReceivedRequest? {
        guard let head = try MessageHead.read(from: &reader, deadline: nil, skipLeadingEmptyLines: true) else {
            return nil
        }
        let parts = head.startLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, parts[2].hasPrefix("HTTP/") else {
            throw TestSupportError(.protocolViolation, "invalid request line \(quoted(Array(latin1: head.startLine)))")
        }
        var request = ReceivedRequest(
            method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: head.fields,
            body: [], bodyDigest: BodyDigest(), framing: try head.bodyFraming(isRequest: true), chunkSizes: [],
            trailers: [], expectedContinue: head.fields.tokens(of: "Expect").contains("100-continue"),
            connectionID: connectionID, sequence: sequence
        )
        if request.expectedContinue && request.framing != .none { try continueRequested() }
        let collect = bodyMode == .collect
        switch request.framing {
        case .none, .closeDelimited:
            break
        case .contentLength(let length):
            var body: [UInt8] = []
            try reader.read(count: length, deadline: nil) { piece in
                request.bodyDigest.update(piece)
                if collect { body.append(contentsOf: piece) }
            }
            request.body = body
        case .chunked:
            let (chunks, trailers) = try ChunkedReader.readBody(
                from: &reader, deadline: nil, collect: collect, digest: &request.bodyDigest
            )
            request.body = chunks.flatMap(\.data)
            request.chunkSizes = chunks.map(\.size)
            request.trailers = trailers
        }
        return request
    }
}
