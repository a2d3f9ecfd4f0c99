/// One accepted connection, handed to a peer's per-connection code on the connection's own thread.
final class ServerConnection {
    /// Counting from 1 in accept order.
    let id: Int
    let socket: SocketHandle
    var reader: SocketReader
    /// Set when the peer closes the connection or the server stops.
    let cancellation: Cancellation
    private let server: LoopbackServer

    init(id: Int, socket: SocketHandle, cancellation: Cancellation, server: LoopbackServer) {
        self.id = id
        self.socket = socket
        self.reader = SocketReader(fd: socket.fd)
        self.cancellation = cancellation
        self.server = server
    }

    /// Sends bytes; a peer that went away is recorded as a close by the peer and thrown as `.closed`.
    func send(_ bytes: [UInt8]) throws {
        do {
            try Socket.send(socket.fd, bytes)
        } catch let error as TestSupportError where error.kind == .closed {
            notePeerClosed()
            throw error
        }
    }

    /// Records that the peer closed the connection (reads ended, or writes failed).
    func notePeerClosed() {
        server.notePeerClosed(connection: id)
    }

    func record(_ request: ReceivedRequest) {
        server.record(request)
    }

    func recordError(_ message: String) {
        server.recordError("connection \(id): \(message)")
    }
}
