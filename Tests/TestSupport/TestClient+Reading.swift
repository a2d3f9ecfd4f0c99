/// Reading responses: whole, several pipelined, or streamed piece by piece; and waiting for the close.
extension TestClient {
    /// Reads one response (1xx interim responses are collected into `informational`).
    /// - Parameters:
    ///   - requestWasHead: the request was HEAD, so the response has no body whatever it says.
    ///   - bodyMode: `.count` keeps only the body's length and hash.
    ///   - timeout: for the whole response.
    package func readResponse(
        requestWasHead: Bool = false, bodyMode: BodyMode = .collect, timeout: Duration = .seconds(5)
    ) throws -> ReceivedResponse {
        let deadline = Deadline.after(timeout)
        return try withReader { reader in
            var response = try Self.readHead(from: &reader, requestWasHead: requestWasHead, deadline: deadline)
            try Self.readBody(of: &response, from: &reader, collect: bodyMode == .collect, deadline: deadline)
            return response
        }
    }

    /// Reads `count` responses to pipelined requests; `headRequests` marks which of them were HEAD.
    package func readResponses(
        _ count: Int, headRequests: Set<Int> = [], bodyMode: BodyMode = .collect, timeout: Duration = .seconds(5)
    ) throws -> [ReceivedResponse] {
        try (0..<count).map { index in
            try readResponse(requestWasHead: headRequests.contains(index), bodyMode: bodyMode, timeout: timeout)
        }
    }

    /// Reads a response head only (after any 1xx); read its body with `readChunk` or `readAvailable`.
    package func readResponseHead(
        requestWasHead: Bool = false, timeout: Duration = .seconds(5)
    ) throws -> ReceivedResponse {
        let deadline = Deadline.after(timeout)
        return try withReader { reader in
            try Self.readHead(from: &reader, requestWasHead: requestWasHead, deadline: deadline)
        }
    }

    /// Reads the next chunk of a chunked body, as it arrives.
    package func readChunk(timeout: Duration = .seconds(5)) throws -> ChunkRead {
        let deadline = Deadline.after(timeout)
        var digest = BodyDigest()
        return try withReader { reader in
            try ChunkedReader.readChunk(from: &reader, deadline: deadline, collect: true, digest: &digest)
        }
    }

    /// The bytes that one read gave (or what was already buffered), raw, framing included; nil when
    /// the server closed the connection. Proves a piece of a stream arrived before the next was sent.
    package func readAvailable(timeout: Duration = .seconds(5)) throws -> [UInt8]? {
        let deadline = Deadline.after(timeout)
        return try withReader { reader in try reader.readAvailable(deadline: deadline) }
    }

    /// Reads raw bytes until they contain `needle`; returns all of them (the rest stays buffered
    /// only if it came in the same read, so use this at the end of what you expect).
    package func read(until needle: String, timeout: Duration = .seconds(5)) throws -> [UInt8] {
        let deadline = Deadline.after(timeout)
        let pattern = Array(needle.utf8)
        var received: [UInt8] = []
        while !received.contains(subsequence: pattern) {
            guard let bytes = try withReader({ reader in try reader.readAvailable(deadline: deadline) }) else {
                throw TestSupportError(.closed, "connection closed before \(quoted(pattern)); got \(quoted(received))")
            }
            received += bytes
        }
        return received
    }

    /// Waits until the server closes the connection (FIN or RST), discarding what comes before;
    /// returns those bytes. Throws `.timeout` if the connection is still open at the deadline.
    @discardableResult
    package func waitForClose(timeout: Duration = .seconds(5)) throws -> [UInt8] {
        let deadline = Deadline.after(timeout)
        var received: [UInt8] = []
        try withReader { reader in
            do {
                try reader.readToEnd(deadline: deadline) { received += $0 }
            } catch let error as TestSupportError where error.kind == .timeout {
                throw TestSupportError(.timeout, "connection still open after \(timeout); received \(quoted(received))")
            }
        }
        return received
    }

    private static func readHead(
        from reader: inout SocketReader, requestWasHead: Bool, deadline: Deadline
    ) throws -> ReceivedResponse {
        var informational: [MessageHead] = []
        while true {
            guard let head = try MessageHead.read(from: &reader, deadline: deadline) else {
                throw TestSupportError(
                    .closed, "connection closed before a response" + (reader.wasReset ? " (reset)" : ""))
            }
            var response = try ReceivedResponse(head: head)
            // 101 ends HTTP/1.1 on the connection: it is the final response.
            if (100..<200).contains(response.status) && response.status != 101 {
                informational.append(head)
                continue
            }
            response.informational = informational
            response.framing = try response.bodyFraming(requestWasHead: requestWasHead)
            return response
        }
    }

    private static func readBody(
        of response: inout ReceivedResponse, from reader: inout SocketReader, collect: Bool, deadline: Deadline
    ) throws {
        var body: [UInt8] = []
        switch response.framing {
        case .none:
            break
        case .contentLength(let length):
            try reader.read(count: length, deadline: deadline) { piece in
                response.bodyDigest.update(piece)
                if collect { body += piece }
            }
        case .chunked:
            let (chunks, trailers) = try ChunkedReader.readBody(
                from: &reader, deadline: deadline, collect: collect, digest: &response.bodyDigest
            )
            body = chunks.flatMap(\.data)
            response.chunks = chunks
            response.trailers = trailers
        case .closeDelimited:
            try reader.readToEnd(deadline: deadline) { piece in
                response.bodyDigest.update(piece)
                if collect { body += piece }
            }
        }
        response.body = body
    }
}

extension [UInt8] {
    func contains(subsequence pattern: [UInt8]) -> Bool {
        guard !pattern.isEmpty else { return true }
        guard count >= pattern.count else { return false }
        return (0...(count - pattern.count)).contains { self[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
