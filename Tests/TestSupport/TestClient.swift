import Glibc
import Synchronization

/// A raw HTTP/1.1 client over TCP to 127.0.0.1 or over a Unix socket: sends exact bytes and reads
/// responses strictly, framing them by Content-Length, chunked or close, every wait bounded by a
/// timeout (poll, never sleep).
///
/// ```
/// let client = try TestClient(port: bearerd.port)
/// let response = try client.get("/echo/hello", headers: [HeaderField("Accept", "*/*")])
/// #expect(response.status == 200)
/// ```
/// Reads are serialised by a lock, writes go straight to the socket; one test drives one client.
package final class TestClient: Sendable {
    private let socket: SocketHandle
    private let reader: Mutex<SocketReader>
    /// The Host header the request builders use: `127.0.0.1:<port>`, or `localhost` on a Unix socket.
    package let host: String

    /// Connects to 127.0.0.1:`port`.
    package init(port: UInt16) throws {
        socket = try Socket.connect(port: port)
        reader = Mutex(SocketReader(fd: socket.fd))
        host = "127.0.0.1:\(port)"
    }

    /// Connects to the Unix stream socket at `unixPath`.
    package init(unixPath: String) throws {
        socket = try Socket.connect(unixPath: unixPath)
        reader = Mutex(SocketReader(fd: socket.fd))
        host = "localhost"
    }

    /// Connects to a listener bearerd reported (TCP on 127.0.0.1, or a Unix socket).
    package convenience init(_ address: ListenAddress) throws {
        switch address {
        case .tcp(let host, let port):
            guard host == "127.0.0.1" else {
                throw TestSupportError(.misuse, "TestClient connects to 127.0.0.1 only, not \(host)")
            }
            try self.init(port: port)
        case .unix(let path):
            try self.init(unixPath: path)
        }
    }

    deinit {
        socket.close()
    }

    /// Sends `bytes` exactly.
    package func send(_ bytes: [UInt8]) throws {
        try Socket.send(socket.fd, bytes)
    }

    /// Sends `text` as UTF-8 exactly (write the CRLFs yourself).
    package func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Ends our sending side (FIN) and keeps reading.
    package func shutdownWrite() {
        socket.shutdown(Int32(SHUT_WR))
    }

    /// Closes the connection (an abort from bearerd's point of view if a response is still coming).
    /// Call it from the task that reads: a read blocked in another thread is not woken by a close.
    package func close() {
        socket.close()
    }

    /// Closes with a reset (RST) instead of a FIN.
    package func reset() {
        socket.resetOnClose()
        socket.close()
    }

    func withReader<R>(_ body: (inout SocketReader) throws -> R) throws -> R {
        try reader.withLock { reader in try body(&reader) }
    }
}
