/// What one call of `RequestParser.parse` found, and how many input bytes it is done with.
package struct ParseStep: Sendable, Equatable {
    package var event: ParseEvent
    /// Bytes at the front of the input the caller may now drop. Ranges in `event` index the input
    /// as passed, before dropping.
    package var consumed: Int

    package init(event: ParseEvent, consumed: Int) {
        self.event = event
        self.consumed = consumed
    }
}

/// The events of a request, in order: `head`, zero or more `body`, `end`; then the next request.
package enum ParseEvent: Sendable, Equatable {
    /// Every byte given was examined; call again with more. `consumed` may be above 0 where chunk
    /// framing was read and dropped.
    case needMore
    /// The request head; its bytes are consumed.
    case head(RequestHead)
    /// Body bytes at these indices of the input, all within `consumed`. Never empty.
    case body(Range<Int>)
    /// The request is complete (for chunked: after the last chunk and the trailers); the parser
    /// reads the next request from the bytes that follow.
    case end
    /// The request is invalid; the parser repeats this on every later call. Answer with
    /// `error.status` if no response has started, then close the connection.
    case error(HTTPParseError)
}
