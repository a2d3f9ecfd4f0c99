/// An HTTP/1.1 upstream on 127.0.0.1: parses requests (Content-Length and chunked bodies, trailers,
/// keep-alive, any number of connections), records each one, and lets a handler answer.
///
/// ```
/// let upstream = try TestUpstream(handler: TestUpstream.echo)
/// ... point bearerd at upstream.baseURL, send a request through it ...
/// let request = try upstream.waitForRequests(1)[0]
/// #expect(request.header("Authorization") == "Bearer t1")
/// ```
/// Stops (closing every connection) when deinitialised or on `stop()`. A handler must not capture its
/// own upstream: the cycle would keep it alive and serving until `stop()`.
package final class TestUpstream: LoopbackPeer {
    /// Answers one request; runs on the connection's thread, so it may block (a streaming response).
    package typealias Handler = @Sendable (ReceivedRequest, ResponseWriter) throws -> Void

    package let server: LoopbackServer
    private let handler: Monitor<Handler>

    /// - Parameters:
    ///   - bodyMode: `.count` keeps only each body's length and hash (for bodies of many megabytes).
    ///   - answersExpectContinue: send `100 Continue` when a request asks for it.
    package init(
        bodyMode: BodyMode = .collect, answersExpectContinue: Bool = true,
        handler: @escaping Handler = TestUpstream.echo
    ) throws {
        let current = Monitor<Handler>(handler)
        self.handler = current
        server = try LoopbackServer { connection in
            try Self.serve(connection, bodyMode: bodyMode, answersExpectContinue: answersExpectContinue) {
                current.read { $0 }
            }
        }
    }

    deinit {
        server.stop()
    }

    /// Replaces the handler for requests that arrive from now on.
    package func setHandler(_ handler: @escaping Handler) {
        self.handler.withLock { $0 = handler }
    }

    private static func serve(
        _ connection: ServerConnection, bodyMode: BodyMode, answersExpectContinue: Bool, handler: () -> Handler
    ) throws {
        var sequence = 0
        while true {
            sequence += 1
            let request: ReceivedRequest
            do {
                guard
                    let received = try ReceivedRequest.read(
                        from: &connection.reader, connectionID: connection.id, sequence: sequence, bodyMode: bodyMode,
                        continueRequested: {
                            if answersExpectContinue {
                                try connection.send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                            }
                        }
                    )
                else {
                    connection.notePeerClosed()
                    return
                }
                request = received
            } catch let error as TestSupportError where error.kind == .protocolViolation {
                connection.recordError("\(error)")
                try connection.send(
                    Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
                return
            }
            connection.record(request)
            let writer = ResponseWriter(connection: connection, request: request)
            do {
                try handler()(request, writer)
            } catch let error as TestSupportError where error.kind == .closed {
                throw error
            } catch {
                connection.recordError("handler failed for \(request): \(error)")
                if !writer.headSent { try writer.respond(status: 500, headers: [HeaderField("Connection", "close")]) }
                return
            }
            try writer.complete()
            if writer.closesConnection { return }
        }
    }
}
