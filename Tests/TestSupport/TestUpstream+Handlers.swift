/// Ready-made handlers.
extension TestUpstream {
    /// Answers 200 with an `EchoReply` JSON of the request (method, target, headers, body length).
    package static let echo: Handler = { request, writer in
        try writer.respond(
            status: 200, headers: [HeaderField("Content-Type", "application/json")], body: EchoReply(request).json()
        )
    }

    /// Answers `status` with `body` and `headers` (Content-Length added), whatever the request.
    package static func status(_ status: Int, body: String = "", headers: [HeaderField] = []) -> Handler {
        { _, writer in try writer.respond(status: status, headers: headers, body: body) }
    }

    /// How a streamed body is framed.
    package enum StreamFraming: Sendable {
        /// `Transfer-Encoding: chunked`, one chunk per piece.
        case chunked
        /// No length: pieces written as they come, the connection closed at the end.
        case closeDelimited
    }

    /// Answers with a body the test releases piece by piece through `feed`; the handler waits for
    /// each piece up to `pieceTimeout` (and gives up at once if the connection or server closes).
    package static func stream(
        _ feed: StreamFeed,
        status: Int = 200,
        headers: [HeaderField] = [],
        framing: StreamFraming = .chunked,
        pieceTimeout: Duration = .seconds(30)
    ) -> Handler {
        { _, writer in
            var headers = headers
            if framing == .chunked { headers.append(HeaderField("Transfer-Encoding", "chunked")) }
            try writer.writeHead(status: status, headers: headers)
            while let piece = try feed.next(cancellation: writer.cancellation, timeout: pieceTimeout) {
                switch framing {
                case .chunked: try writer.writeChunk(piece)
                case .closeDelimited: try writer.write(piece)
                }
                feed.markWritten()
            }
            try writer.finish()
        }
    }

    /// A server-sent events stream (`text/event-stream`, chunked) fed by the test; see `StreamFeed.sendEvent`.
    package static func serverSentEvents(_ feed: StreamFeed, pieceTimeout: Duration = .seconds(30)) -> Handler {
        stream(
            feed,
            headers: [HeaderField("Content-Type", "text/event-stream"), HeaderField("Cache-Control", "no-cache")],
            pieceTimeout: pieceTimeout
        )
    }

    /// Answers 200 with `count` bytes of `PatternBody`, written 64 KiB at a time, with Content-Length
    /// (or chunked, one chunk per 64 KiB); compare the client's digest with `PatternBody.digest(count:)`.
    package static func largeBody(_ count: Int, chunked: Bool = false) -> Handler {
        { _, writer in
            let framing =
                chunked ? HeaderField("Transfer-Encoding", "chunked") : HeaderField("Content-Length", "\(count)")
            try writer.writeHead(
                status: 200, headers: [HeaderField("Content-Type", "application/octet-stream"), framing]
            )
            var offset = 0
            while offset < count {
                let piece = PatternBody.bytes(offset: offset, count: min(65536, count - offset))
                if chunked { try writer.writeChunk(piece) } else { try writer.write(piece) }
                offset += piece.count
            }
            try writer.finish()
        }
    }
}
