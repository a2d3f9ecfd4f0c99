/// Building and sending well-formed requests.
extension TestClient {
    /// The bytes of a request: request line, `Host` (unless `headers` has one), `headers`, and when a
    /// body is given, `Content-Length` (unless `headers` has Content-Length or Transfer-Encoding:
    /// then the body is sent as given, so a chunked body must be framed by the caller).
    package static func request(
        _ method: String, _ target: String, host: String, headers: [HeaderField] = [], body: [UInt8]? = nil
    ) -> [UInt8] {
        var fields = headers
        if fields.value(of: "Host") == nil { fields.insert(HeaderField("Host", host), at: 0) }
        if let body, fields.value(of: "Content-Length") == nil, fields.value(of: "Transfer-Encoding") == nil {
            fields.append(HeaderField("Content-Length", "\(body.count)"))
        }
        return [UInt8](latin1: "\(method) \(target) HTTP/1.1\r\n") + fields.wireBytes + [0x0D, 0x0A] + (body ?? [])
    }

    /// Sends a request built by `request` with this client's host.
    package func sendRequest(
        _ method: String, _ target: String, headers: [HeaderField] = [], body: [UInt8]? = nil
    ) throws {
        try send(Self.request(method, target, host: host, headers: headers, body: body))
    }

    /// Sends GET `target` and reads the response.
    package func get(
        _ target: String, headers: [HeaderField] = [], timeout: Duration = .seconds(5)
    ) throws -> ReceivedResponse {
        try sendRequest("GET", target, headers: headers)
        return try readResponse(timeout: timeout)
    }

    /// Sends HEAD `target` and reads the response (no body, whatever Content-Length says).
    package func head(
        _ target: String, headers: [HeaderField] = [], timeout: Duration = .seconds(5)
    ) throws -> ReceivedResponse {
        try sendRequest("HEAD", target, headers: headers)
        return try readResponse(requestWasHead: true, timeout: timeout)
    }

    /// Sends POST `target` with `body` (Content-Length) and reads the response.
    package func post(
        _ target: String, body: [UInt8], headers: [HeaderField] = [], timeout: Duration = .seconds(5)
    ) throws -> ReceivedResponse {
        try sendRequest("POST", target, headers: headers, body: body)
        return try readResponse(timeout: timeout)
    }

    package func post(
        _ target: String, body: String, headers: [HeaderField] = [], timeout: Duration = .seconds(5)
    ) throws -> ReceivedResponse {
        try post(target, body: Array(body.utf8), headers: headers, timeout: timeout)
    }

    /// The chunked framing of `chunks` (each non-empty) with the last chunk and `trailers`.
    package static func chunked(_ chunks: [[UInt8]], trailers: [HeaderField] = []) -> [UInt8] {
        chunks.flatMap { Array(String($0.count, radix: 16).utf8) + [0x0D, 0x0A] + $0 + [0x0D, 0x0A] }
            + Array("0\r\n".utf8) + trailers.wireBytes + [0x0D, 0x0A]
    }
}
