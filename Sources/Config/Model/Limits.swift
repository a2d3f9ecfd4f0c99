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

    package static let defaults = Limits(requestLine: 8192, headerBytes: 64 << 10, headerCount: 100, body: 128 << 20)

    package init(requestLine: Int, headerBytes: Int, headerCount: Int, body: Int) {
        self.requestLine = requestLine
        self.headerBytes = headerBytes
        self.headerCount = headerCount
        self.body = body
    }
}
