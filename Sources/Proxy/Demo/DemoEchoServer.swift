import EventLoop
import Glibc
import HTTP1

/// The upstream of `bearerd demo`: answers every request with what it received (method, target,
/// headers), showing the credential header masked to its first and last 4 characters, so a newcomer
/// sees the injection happen without the demo printing a whole secret.
package final class DemoEchoServer: IOHandler {
    private let loop: EventLoop
    private let fd: Int32
    package let port: UInt16
    private let maskedHeader: [UInt8]
    private var connections: [Int32: DemoEchoConnection] = [:]

    /// Listens on 127.0.0.1 (any free port); `maskedHeader` names the header that carries the token.
    package init(loop: EventLoop, maskedHeader: String = "authorization") throws(SystemError) {
        self.loop = loop
        fd = try Socket.listenTCP(host: "127.0.0.1", port: 0)
        port = Socket.localPort(fd) ?? 0
        self.maskedHeader = Array(maskedHeader.lowercased().utf8)
        _ = try loop.register(fd, events: .readable, handler: self)
    }

    package func handleIO(_ events: IOEvents) {
        while case .done(let client)? = try? Socket.accept(fd) {
            let connection = DemoEchoConnection(fd: client, maskedHeader: maskedHeader) { [unowned self] fd in
                connections[fd] = nil
            }
            guard let registration = try? loop.register(client, events: [.readable, .peerClosed], handler: connection) else {
                close(client)
                continue
            }
            connection.registration = registration
            connection.loop = loop
            connections[client] = connection
        }
    }
}

/// One connection to the echo upstream. Its answers are a few hundred bytes, which the socket buffer
/// always takes; a write that would block is simply retried.
private final class DemoEchoConnection: IOHandler {
    let fd: Int32
    let maskedHeader: [UInt8]
    var registration: IORegistration?
    unowned(unsafe) var loop: EventLoop?
    private var parser = RequestParser()
    private var pending: [UInt8] = []
    private var head: RequestHead?
    private var bodyBytes = 0
    private let closed: (Int32) -> Void

    init(fd: Int32, maskedHeader: [UInt8], closed: @escaping (Int32) -> Void) {
        self.fd = fd
        self.maskedHeader = maskedHeader
        self.closed = closed
    }

    func handleIO(_ events: IOEvents) {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return finish() }
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
                if let head { answer(head) }
                head = nil
            case .error:
                return finish()
            }
            pending.removeFirst(step.consumed)
        }
    }

    private func answer(_ head: RequestHead) {
        var json = "{\n  \"method\": \"\(JSONText.escaped(head.method.name))\",\n"
        json += "  \"target\": \"\(JSONText.escaped(String(decoding: head.target, as: UTF8.self)))\",\n"
        json += "  \"headers\": [\n"
        var lines: [String] = []
        head.forEachField { name, value in
            let nameText = String(decoding: name, as: UTF8.self)
            var valueText = String(decoding: value, as: UTF8.self)
            if ASCII.equalsLowercased(name, maskedHeader) { valueText = DemoMask.masked(valueText) }
            lines.append("    [\"\(JSONText.escaped(nameText))\", \"\(JSONText.escaped(valueText))\"]")
        }
        json += lines.joined(separator: ",\n")
        json += "\n  ],\n  \"bodyBytes\": \(bodyBytes)\n}\n"
        let body = Array(json.utf8)
        var response = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
        response += body
        response.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 && errno != EINTR && errno != EAGAIN { return }
                if written > 0 { offset += written }
            }
        }
    }

    private func finish() {
        if let registration { loop?.deregister(registration, fd: fd) }
        registration = nil
        close(fd)
        closed(fd)
    }
}

/// Shows a credential the way the demo prints it: the scheme, then the token's first and last 4
/// characters around an ellipsis (`Bearer demo…9f3a`); a token of 12 characters or fewer is hidden.
package enum DemoMask {
    package static func masked(_ value: String) -> String {
        let parts = value.split(separator: " ", maxSplits: 1)
        let (scheme, token) = parts.count == 2 ? (String(parts[0]) + " ", parts[1]) : ("", Substring(value))
        guard token.count > 12 else { return scheme + String(repeating: "*", count: token.count) }
        return scheme + token.prefix(4) + "…" + token.suffix(4)
    }
}
