import EventLoop
import Glibc
import TokenCore

/// Where a listener accepts connections.
package enum ListenerAddress: Sendable, Equatable, CustomStringConvertible {
    case tcp(host: String, port: UInt16)
    case unix(path: String, mode: UInt32)

    package var description: String {
        switch self {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unix(let path, _): "unix:\(path)"
        }
    }
}

/// A listening socket; accepted connections go to the server.
final class Listener: IOHandler {
    unowned let server: ProxyServer
    let fd: Int32
    /// The address actually bound (the real port when the configured one was 0).
    let address: ListenerAddress
    /// The address as configured, which a reload compares.
    let configuredAddress: ListenerAddress
    var registration: IORegistration?
    /// A Unix socket file bearerd created is removed when the listener closes; one systemd passed
    /// belongs to systemd.
    let removesSocketFile: Bool
    /// Accepting many per wake-up drains a burst without starving the loop.
    private static let acceptsPerWakeUp = 64

    init(
        server: ProxyServer, fd: Int32, address: ListenerAddress, configuredAddress: ListenerAddress,
        removesSocketFile: Bool
    ) {
        self.server = server
        self.fd = fd
        self.address = address
        self.configuredAddress = configuredAddress
        self.removesSocketFile = removesSocketFile
    }

    /// TCP port for the `Host` check; nil for Unix sockets, which browsers cannot reach.
    var tcpPort: UInt16? {
        if case .tcp(_, let port) = address { return port }
        return nil
    }

    func handleIO(_ events: IOEvents) {
        for _ in 0..<Self.acceptsPerWakeUp {
            do {
                switch try Socket.accept(fd) {
                case .wouldBlock:
                    return
                case .done(let client):
                    server.adopt(client, from: self)
                }
            } catch where [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(error.errno) {
                pauseAccepting(after: error)
                return
            } catch {
                // A connection reset before it was accepted (ECONNABORTED, EPROTO): the next one.
                continue
            }
        }
    }

    /// Out of descriptors (EMFILE) or memory: the connection waits in the backlog. The socket stays
    /// readable, so watching it would spin; stop watching it for a moment instead, and say so once per
    /// pause.
    private func pauseAccepting(after error: SystemError) {
        server.logger.warning("accept failed, pausing this listener", [
            "listener": "\(address)", "error": "\(error)", "pause": Self.acceptPause.compactDescription,
        ])
        guard let registration else { return }
        server.loop.deregister(registration, fd: fd)
        self.registration = nil
        resumeTimer = server.loop.schedule(after: Self.acceptPause) { [weak self] in
            guard let self, !isClosed else { return }
            do {
                self.registration = try server.loop.register(fd, events: .readable, handler: self)
            } catch {
                server.logger.error(
                    "listener stopped: cannot watch it again", ["listener": "\(address)", "error": "\(error)"])
            }
        }
    }

    private static let acceptPause: Duration = .milliseconds(100)
    private var resumeTimer: ScheduledTimer?
    private var isClosed = false

    func close() {
        isClosed = true
        resumeTimer?.cancel()
        if let registration { server.loop.deregister(registration, fd: fd) }
        registration = nil
        Glibc.close(fd)
        if removesSocketFile, case .unix(let path, _) = address { unlink(path) }
    }
}
