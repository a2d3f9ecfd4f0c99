import Curl
import EventLoop
import Glibc

/// The proxy on one event loop: listeners, client connections, and the libcurl multi handle their
/// upstream transfers share. Everything here runs on the loop's thread.
package final class ProxyServer {
    package let loop: EventLoop
    package let curl: CurlMulti
    package var logger: Logger
    /// Read by each new request; replaced as a whole on reload.
    package var settings: ProxySettings
    private(set) var listeners: [Listener] = []
    private var connections: [Int32: ClientConnection] = [:]
    var readBuffers = BufferPool(bufferSize: 16 * 1024)
    var writeBuffers = BufferPool(bufferSize: 16 * 1024)
    /// Connections with work to finish before the loop sleeps: output to flush, input to parse,
    /// a transfer to unpause. Filled from libcurl callbacks, which must not act themselves.
    private var pending: [ClientConnection] = []

    package init(loop: EventLoop, settings: ProxySettings, logger: Logger) throws(CurlSetupError) {
        self.loop = loop
        self.settings = settings
        self.logger = logger
        curl = try CurlMulti(loop: loop)
        loop.addBeforeSleepHook { [unowned self] in runPending() }
    }

    // MARK: Listeners

    /// Binds `address` and starts accepting; returns the address actually bound.
    @discardableResult
    package func listen(on address: ListenerAddress) throws(SystemError) -> ListenerAddress {
        let fd: Int32
        var bound = address
        switch address {
        case .tcp(let host, let port):
            fd = try Socket.listenTCP(host: host, port: port)
            bound = .tcp(host: host, port: Socket.localPort(fd) ?? port)
        case .unix(let path, let mode):
            fd = try Socket.listenUnix(path: path, mode: mode_t(mode))
        }
        try adoptListener(fd: fd, address: bound, configuredAddress: address, removesSocketFile: true)
        return bound
    }

    /// Starts accepting on a socket that is already listening (one systemd passed keeps its file).
    package func adoptListener(
        fd: Int32, address: ListenerAddress, configuredAddress: ListenerAddress? = nil, removesSocketFile: Bool = false
    ) throws(SystemError) {
        let listener = Listener(
            server: self, fd: fd, address: address, configuredAddress: configuredAddress ?? address,
            removesSocketFile: removesSocketFile)
        do {
            listener.registration = try loop.register(fd, events: .readable, handler: listener)
        } catch {
            Glibc.close(fd)
            throw error
        }
        listeners.append(listener)
    }

    package var boundAddresses: [ListenerAddress] { listeners.map(\.address) }
    package var configuredAddresses: [ListenerAddress] { listeners.map(\.configuredAddress) }

    package func closeListeners() {
        for listener in listeners { listener.close() }
        listeners.removeAll()
    }

    /// The configured addresses in `addresses` that have no listener yet (a reload opens those).
    package func addressesWithoutListener(_ addresses: [ListenerAddress]) -> [ListenerAddress] {
        addresses.filter { address in !listeners.contains { $0.configuredAddress == address } }
    }

    /// Closes the listeners whose configured address is not in `addresses`.
    package func closeListeners(notIn addresses: [ListenerAddress]) {
        for listener in listeners where !addresses.contains(listener.configuredAddress) {
            logger.info("listener closed", ["address": "\(listener.address)"])
            listener.close()
        }
        listeners.removeAll { !addresses.contains($0.configuredAddress) }
    }

    // MARK: Connections

    package var connectionCount: Int { connections.count }

    func adopt(_ fd: Int32, from listener: Listener) {
        if listener.tcpPort != nil { Socket.setNoDelay(fd) }
        let connection = ClientConnection(server: self, fd: fd, listener: listener)
        do {
            try connection.register()
        } catch {
            logger.warning("connection could not be watched", ["error": "\(error)"])
            Glibc.close(fd)
            return
        }
        connections[fd] = connection
    }

    func forget(_ connection: ClientConnection) {
        connections[connection.fd] = nil
        checkDrained()
    }

    /// Asks for `connection.resume()` before the loop next sleeps.
    func enqueue(_ connection: ClientConnection) {
        guard !connection.isQueued else { return }
        connection.isQueued = true
        pending.append(connection)
    }

    private func runPending() {
        while !pending.isEmpty {
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            for connection in batch {
                connection.isQueued = false
                connection.resume()
            }
        }
    }

    /// Closes every connection at once (the end of a shutdown's grace period).
    package func closeAllConnections() {
        for connection in Array(connections.values) { connection.close() }
    }

    // MARK: Draining

    /// Called once when the last connection closed while draining.
    private var drained: (() -> Void)?
    package private(set) var isDraining = false

    /// Stops accepting and lets every connection finish what it is doing: idle ones close now, busy
    /// ones after their current response. `whenDrained` runs when none is left.
    package func drain(whenDrained: @escaping () -> Void) {
        isDraining = true
        drained = whenDrained
        closeListeners()
        for connection in Array(connections.values) { connection.finishCurrentRequestThenClose() }
        checkDrained()
    }

    /// Requests in flight (connections that are not idle).
    package var busyConnectionCount: Int { connections.values.count { $0.exchange != nil } }

    private func checkDrained() {
        guard isDraining, connections.isEmpty, let drained else { return }
        self.drained = nil
        drained()
    }
}
