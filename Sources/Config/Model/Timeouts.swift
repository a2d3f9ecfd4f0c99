/// How long bearerd waits, on both sides.
package struct Timeouts: Equatable, Sendable {
    /// To connect to an upstream (TCP and TLS).
    package var connect: Duration
    /// From sending a request upstream to receiving the response head.
    package var response: Duration
    /// Between two reads from the upstream while a response streams.
    package var idle: Duration
    /// A client connection kept alive with no request.
    package var clientIdle: Duration
    /// To receive a whole request head from a client.
    package var clientHeader: Duration

    package static let defaults = Timeouts(
        connect: .seconds(10), response: .seconds(600), idle: .seconds(300), clientIdle: .seconds(300),
        clientHeader: .seconds(60))

    package init(connect: Duration, response: Duration, idle: Duration, clientIdle: Duration, clientHeader: Duration) {
        self.connect = connect
        self.response = response
        self.idle = idle
        self.clientIdle = clientIdle
        self.clientHeader = clientHeader
    }
}
