/// The sizes a client controls, bounded.
package struct Limits: Equatable, Sendable {
    /// Bytes in the request line.
    package var requestLine: Int
    /// Bytes in the request head's fields together.
    package var headerBytes: Int
    /// Fields in the request head.
    package var headerCount: Int
    /// Bytes in a request body.
    package var body: Int
    /// The largest request body kept so that the request can be sent again after a 401.
    package var replayBody: Int

    package static let defaults = Limits(
        requestLine: 8192, headerBytes: 64 << 10, headerCount: 100, body: 128 << 20, replayBody: 1 << 20)

    package init(requestLine: Int, headerBytes: Int, headerCount: Int, body: Int, replayBody: Int = 1 << 20) {
        self.requestLine = requestLine
        self.headerBytes = headerBytes
        self.headerCount = headerCount
        self.body = body
        self.replayBody = replayBody
    }
}
