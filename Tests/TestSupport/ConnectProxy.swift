import Glibc

/// An HTTP forward proxy on 127.0.0.1 that understands only CONNECT: it answers
/// `200 Connection established` with a `Proxy-Agent` header of its own, then relays bytes both ways
/// until either side closes. Records each CONNECT target.
package final class ConnectProxy: LoopbackPeer {
    package let server: LoopbackServer
    private let targets = Monitor([String]())

    package init() throws {
        let targets = targets
        server = try LoopbackServer { connection in
            let deadline = Deadline.after(.seconds(10))
            let requestLine = String(decoding: try connection.reader.readLine(deadline: deadline) ?? [], as: UTF8.self)
            while let field = try connection.reader.readLine(deadline: deadline), !field.isEmpty {}
            let parts = requestLine.split(separator: " ")
            guard parts.count == 3, parts[0] == "CONNECT", let colon = parts[1].lastIndex(of: ":"),
                  let port = UInt16(parts[1][parts[1].index(after: colon)...])
            else {
                try connection.send(Array("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".utf8))
                return
            }
            targets.withLock { $0.append(String(parts[1])) }
            let upstream = try Socket.connect(port: port)
            try connection.send(Array("HTTP/1.1 200 Connection established\r\nProxy-Agent: test-proxy\r\n\r\n".utf8))
            // Bytes already read past the head belong to the tunnel.
            let early = Array(connection.reader.buffered)
            if !early.isEmpty { try Socket.send(upstream.fd, early) }
            try Self.relay(connection.socket.fd, upstream.fd)
        }
    }

    /// The `host:port` of every CONNECT, in order.
    package var connectTargets: [String] { targets.read { $0 } }

    /// Copies bytes between the two sockets until one side ends.
    private static func relay(_ a: Int32, _ b: Int32) throws {
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        while true {
            guard poll(&fds, 2, 30_000) > 0 else { return }
            for (index, entry) in fds.enumerated() where entry.revents != 0 {
                let (bytes, _) = try Socket.receive(entry.fd)
                if bytes.isEmpty { return }
                try Socket.send(index == 0 ? b : a, bytes)
            }
        }
    }
}
