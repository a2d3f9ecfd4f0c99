import Glibc

/// One step of a `RawUpstream` script.
package enum RawStep: Sendable {
    /// Write these bytes exactly.
    case write([UInt8])
    /// Wait until the test opens the gate.
    case wait(TestGate)
    /// Close the connection in order (FIN); the script ends.
    case close
    /// Close the connection with a reset (RST); the script ends.
    case reset
    /// Stop sending (FIN) but keep the connection to read from.
    case shutdownWrite

    /// Writes `text` as UTF-8.
    package static func write(_ text: String) -> RawStep { .write(Array(text.utf8)) }
}

/// An upstream that, per request, writes exact bytes: for framing tests and broken upstreams, the way
/// nginx-tests' proxy_chunked.t does. It reads each request (head and body, recorded like
/// `TestUpstream`'s), then runs the script for it; when the script does not close, it waits for the
/// next request on the connection and runs the script again.
///
/// ```
/// let gate = TestGate()
/// let upstream = try RawUpstream([
///     .write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"),
///     .wait(gate),
///     .write("0\r\n\r\n"),
/// ])
/// ```
package final class RawUpstream: LoopbackPeer {
    package let server: LoopbackServer

    /// Runs the steps that `script` returns for each request.
    package init(
        gateTimeout: Duration = .seconds(30), script: @escaping @Sendable (ReceivedRequest) -> [RawStep]
    ) throws {
        server = try LoopbackServer { connection in
            try Self.serve(connection, gateTimeout: gateTimeout, script: script)
        }
    }

    /// Runs `steps` for every request.
    package convenience init(_ steps: [RawStep], gateTimeout: Duration = .seconds(30)) throws {
        try self.init(gateTimeout: gateTimeout) { _ in steps }
    }

    deinit {
        server.stop()
    }

    private static func serve(
        _ connection: ServerConnection, gateTimeout: Duration, script: (ReceivedRequest) -> [RawStep]
    ) throws {
        var sequence = 0
        while true {
            sequence += 1
            guard
                let request = try ReceivedRequest.read(
                    from: &connection.reader, connectionID: connection.id, sequence: sequence, bodyMode: .collect,
                    continueRequested: {}
                )
            else {
                connection.notePeerClosed()
                return
            }
            connection.record(request)
            for step in script(request) {
                switch step {
                case .write(let bytes): try connection.send(bytes)
                case .wait(let gate): try gate.pass(cancellation: connection.cancellation, timeout: gateTimeout)
                case .close: return
                case .reset:
                    connection.socket.resetOnClose()
                    return
                case .shutdownWrite: connection.socket.shutdown(Int32(SHUT_WR))
                }
            }
        }
    }
}
