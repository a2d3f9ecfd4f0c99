import EventLoop
import Glibc
import HTTP1

/// A tiny HTTP/1.1 server on the event loop for the demo's own peers (the echo upstream and the
/// token issuer): one handler turns each request into a small response.
package final class DemoServer: IOHandler {
    package typealias Handler = (_ head: RequestHead, _ bodyBytes: Int) -> DemoResponse

    private let loop: EventLoop
    private let fd: Int32
    package let port: UInt16
    private let handler: Handler
    private var connections: [Int32: DemoConnection] = [:]

    /// Listens on 127.0.0.1, any free port.
    package init(loop: EventLoop, handler: @escaping Handler) throws(SystemError) {
        self.loop = loop
        self.handler = handler
        fd = try Socket.listenTCP(host: "127.0.0.1", port: 0)
        port = Socket.localPort(fd) ?? 0
        _ = try loop.register(fd, events: .readable, handler: self)
    }

    package func handleIO(_ events: IOEvents) {
        while case .done(let client)? = try? Socket.accept(fd) {
            let connection = DemoConnection(fd: client, handler: handler) { [unowned self] closed in
                if let registration = connections.removeValue(forKey: closed)?.registration {
                    loop.deregister(registration, fd: closed)
                }
                close(closed)
            }
            guard let registration = try? loop.register(client, events: [.readable, .peerClosed], handler: connection)
            else {
                close(client)
                continue
            }
            connection.registration = registration
            connections[client] = connection
        }
    }
}

/// What a demo peer answers.
package struct DemoResponse {
    package var status: Int
    package var contentType: String
    package var body: [UInt8]

    package init(status: Int = 200, contentType: String = "application/json", body: String) {
        self.status = status
        self.contentType = contentType
        self.body = Array(body.utf8)
    }
}

/// One connection to a demo peer. Answers are a few hundred bytes, which the socket buffer always
/// takes; a write that would block is simply retried.
private final class DemoConnection: IOHandler {
    let fd: Int32
    var registration: IORegistration?
    private let handler: DemoServer.Handler
    private let closed: (Int32) -> Void
    private var parser = RequestParser()
    private var pending: [UInt8] = []
    private var head: RequestHead?
    private var bodyBytes = 0

    init(fd: Int32, handler: @escaping DemoServer.Handler, closed: @escaping (Int32) -> Void) {
        self.fd = fd
        self.handler = handler
        self.closed = closed
    }

    func handleIO(_ events: IOEvents) {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return closed(fd) }
        pending += chunk[..<count]
        while true {
            let step = pending.withUnsafeBufferPointer { parser.parse($0) }
            switch step.event {
            case .needMore:
                pending.removeFirst(step.consumed)
                return
            case .head(let parsed):
                head = parsed
                bodyBytes = 0
            case .body(let range):
                bodyBytes += range.count
            case .end:
                if let head { answer(handler(head, bodyBytes)) }
                head = nil
            case .error:
                return closed(fd)
            }
            pending.removeFirst(step.consumed)
        }
    }

    private func answer(_ response: DemoResponse) {
        var bytes: [UInt8] = []
        _ = ResponseHead.appendStatusLine(status: response.status, to: &bytes)
        _ = ResponseHead.appendField(name: "Content-Type", value: response.contentType, to: &bytes)
        ResponseHead.appendContentLength(UInt64(response.body.count), to: &bytes)
        ResponseHead.appendEnd(to: &bytes)
        bytes += response.body
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written > 0 {
                    offset += written
                } else if errno != EINTR && errno != EAGAIN {
                    return
                }
            }
        }
    }
}
