/// Writes the response to one request; a `TestUpstream.Handler` gets one.
///
/// Use it on the handler's thread only (it is the connection's thread). Either `respond` in one go,
/// or `writeHead` and then the body piece by piece: chunks when the head says
/// `Transfer-Encoding: chunked`, raw bytes otherwise (close-delimited when the head has neither
/// Content-Length nor Transfer-Encoding). What the handler leaves unfinished is finished for it.
package final class ResponseWriter {
    private let connection: ServerConnection
    private let isHeadRequest: Bool
    private(set) var headSent = false
    private var framing = BodyFraming.none
    private var finished = false
    private var bodyBytesWritten = 0
    /// The connection ends after this response.
    private(set) var closesConnection = false

    init(connection: ServerConnection, request: ReceivedRequest) {
        self.connection = connection
        self.isHeadRequest = request.method == "HEAD"
        self.closesConnection = !request.keepsAlive
    }

    /// Which connection the response goes out on (counting from 1).
    package var connectionID: Int { connection.id }

    /// Set when the peer closed the connection or the server is stopping: stop waiting, stop writing.
    package var cancellation: Cancellation { connection.cancellation }

    /// Sends a whole response; adds `Content-Length` unless `headers` has Content-Length or
    /// Transfer-Encoding. A response to HEAD gets the head only.
    package func respond(status: Int, reason: String? = nil, headers: [HeaderField] = [], body: [UInt8] = []) throws {
        var headers = headers
        if headers.value(of: "Content-Length") == nil && headers.value(of: "Transfer-Encoding") == nil {
            headers.append(HeaderField("Content-Length", "\(body.count)"))
        }
        try writeHead(status: status, reason: reason, headers: headers)
        try write(body)
        finished = true
    }

    package func respond(status: Int, reason: String? = nil, headers: [HeaderField] = [], body: String) throws {
        try respond(status: status, reason: reason, headers: headers, body: Array(body.utf8))
    }

    /// Sends the status line and headers as given; the headers decide how the body is framed.
    package func writeHead(status: Int, reason: String? = nil, headers: [HeaderField]) throws {
        guard !headSent else { throw TestSupportError(.misuse, "the handler wrote two response heads") }
        let head = MessageHead(startLine: "HTTP/1.1 \(status) \(reason ?? Self.reason(for: status))", fields: headers)
        let noBody = isHeadRequest || status == 204 || status == 304 || (100..<200).contains(status)
        framing = noBody ? .none : ((try? head.bodyFraming(isRequest: false)) ?? .closeDelimited)
        if framing == .closeDelimited || headers.tokens(of: "Connection").contains("close") { closesConnection = true }
        headSent = true
        try connection.send(Array(latin1: head.startLine + "\r\n") + headers.wireBytes + [0x0D, 0x0A])
    }

    /// Sends one chunk (framing added) of a chunked body; an empty piece sends nothing, because an
    /// empty chunk would end the body.
    package func writeChunk(_ bytes: [UInt8], extensions: String = "") throws {
        guard framing == .chunked || framing == .none else {
            throw TestSupportError(.misuse, "writeChunk on a body framed as \(framing)")
        }
        guard !bytes.isEmpty, framing == .chunked else { return }
        try connection.send(Array(latin1: String(bytes.count, radix: 16) + extensions + "\r\n") + bytes + [0x0D, 0x0A])
    }

    package func writeChunk(_ text: String) throws {
        try writeChunk(Array(text.utf8))
    }

    /// Sends body bytes as they are (for Content-Length and close-delimited bodies). Nothing for HEAD.
    package func write(_ bytes: [UInt8]) throws {
        guard framing != .none, !bytes.isEmpty else { return }
        bodyBytesWritten += bytes.count
        try connection.send(bytes)
    }

    /// Sends bytes exactly as given, head or not, framing or not: for a handler that breaks the rules
    /// on purpose. The connection closes afterwards, as its framing is now unknown.
    package func writeRaw(_ bytes: [UInt8]) throws {
        headSent = true
        finished = true
        closesConnection = true
        try connection.send(bytes)
    }

    /// Ends the body: the last chunk and `trailers` for a chunked body; for a close-delimited one,
    /// the connection is closed once the handler returns.
    package func finish(trailers: [HeaderField] = []) throws {
        guard !finished else { return }
        finished = true
        if framing == .chunked {
            try connection.send(Array("0\r\n".utf8) + trailers.wireBytes + [0x0D, 0x0A])
        }
    }

    /// Closes the connection after this response instead of keeping it alive.
    package func closeConnectionAfterResponse() {
        closesConnection = true
    }

    /// Completes what the handler left: no head yet means it failed (500); an open chunked body gets
    /// its last chunk; a Content-Length body cut short leaves the connection unusable, so it closes.
    func complete() throws {
        guard headSent else {
            closesConnection = true
            try respond(status: 500, body: "the test handler sent no response\n")
            return
        }
        if case .contentLength(let length) = framing, bodyBytesWritten != length { closesConnection = true }
        try finish()
    }

    static func reason(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}
