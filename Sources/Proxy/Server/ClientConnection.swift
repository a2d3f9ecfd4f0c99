import EventLoop
import Glibc
import HTTP1

/// One agent's connection: reads requests, hands each to an `Exchange`, writes what comes back.
///
/// Requests are served one at a time in arrival order (pipelined requests wait in the input buffer
/// until the response before them is complete). Reading is edge-triggered: `socketMayHaveBytes`
/// remembers that the socket may hold more than was read, for when there is room again.
final class ClientConnection: IOHandler {
    unowned let server: ProxyServer
    let fd: Int32
    let listener: Listener
    var registration: IORegistration?
    var parser: RequestParser
    var inbound: IOBuffer?
    var outbound: IOBuffer?
    var exchange: Exchange?
    var isQueued = false
    private(set) var isClosed = false
    var socketMayHaveBytes = false
    /// Set when a response must be the last one: close once it is written.
    var closeAfterFlush = false
    /// Input after a refused request is not read: the connection is closing.
    var ignoresInput = false
    /// The client shut down its side (or the connection broke).
    var peerHasClosed = false
    /// Our side is shut down; what the client still sends is read and dropped until it closes.
    var isLingering = false
    /// How long, and how much, a lingering close drains before closing anyway.
    static let lingerTimeout: Duration = .seconds(2)
    static let lingerLimit = 1024 * 1024
    var lingerDrained = 0
    var timer: ScheduledTimer?
    /// When the connection last became idle, or when the current request head began.
    var idleSince: LoopInstant
    var headStartedAt: LoopInstant?

    /// Above this much unsent output, the upstream is paused until the client catches up.
    static let outputHighWater = 256 * 1024
    static let outputLowWater = 64 * 1024

    init(server: ProxyServer, fd: Int32, listener: Listener) {
        self.server = server
        self.fd = fd
        self.listener = listener
        parser = RequestParser(limits: server.settings.limits)
        idleSince = server.loop.now
    }

    func register() throws(SystemError) {
        registration = try server.loop.register(
            fd, events: [.readable, .writable, .peerClosed, .edgeTriggered], handler: self)
        socketMayHaveBytes = true
        armTimer(deadline: server.loop.now.advanced(by: server.settings.clientTimeouts.head))
        server.enqueue(self)
    }

    // MARK: Events

    func handleIO(_ events: IOEvents) {
        if isLingering { return drainWhileLingering() }
        if events.contains(.error) {
            abort(reason: "socket error")
            return
        }
        if events.contains(.writable) { flush() }
        if !events.isDisjoint(with: Self.inputEvents) {
            socketMayHaveBytes = true
            pump()
        }
        if !isClosed, !events.isDisjoint(with: Self.hangUpEvents) { peerClosed() }
    }

    private static let inputEvents: IOEvents = [.readable, .peerClosed, .hangUp]
    private static let hangUpEvents: IOEvents = [.peerClosed, .hangUp]

    /// Finishes what callbacks queued: flush output, resume a paused upstream, parse waiting input.
    func resume() {
        guard !isClosed else { return }
        flush()
        guard !isClosed else { return }
        pump()
    }

    // MARK: Draining

    /// bearerd is stopping: an idle connection closes now, a busy one after its current response.
    /// A request whose body is still arriving keeps reading it; the close comes after its response
    /// (`exchangeFinished` sees the server draining).
    func finishCurrentRequestThenClose() {
        guard !isClosed, exchange == nil else { return }
        ignoresInput = true
        closeAfterFlush = true
        flush()
    }

    /// The exchange broke after part of its response was queued: write what is queued, then end the
    /// connection (the missing rest is how the client learns the response is incomplete).
    func endAfterQueuedOutput() {
        exchange = nil
        ignoresInput = true
        closeAfterFlush = true
        server.enqueue(self)
    }

    // MARK: Exchange results

    /// The exchange wrote its whole response (or gave up after writing part of it).
    func exchangeFinished(keepAlive: Bool) {
        exchange = nil
        if !keepAlive || server.isDraining {
            closeAfterFlush = true
            ignoresInput = true
        }
        idleSince = server.loop.now
        armTimer(deadline: idleSince.advanced(by: server.settings.clientTimeouts.idle))
        if inbound != nil { headReceptionStarted() }
        server.enqueue(self)
    }

    /// The first bytes of a request head are here: it must be complete within the head timeout.
    func headReceptionStarted() {
        let now = server.loop.now
        headStartedAt = now
        armTimer(deadline: now.advanced(by: server.settings.clientTimeouts.head))
    }

    // MARK: Ending

    /// The last response is written. Closing now, with request bytes unread, would make the kernel
    /// answer them with a reset, and a reset can destroy the response before the client reads it. So,
    /// like nginx's lingering close, shut down our side (the client sees the end) and read and drop what
    /// it still sends until it closes, for a bounded time and amount.
    func finishAfterLastResponse() {
        guard !isClosed else { return }
        guard !peerHasClosed else { return close() }
        isLingering = true
        shutdown(fd, Int32(SHUT_WR))
        idleSince = server.loop.now
        armTimer(deadline: idleSince.advanced(by: Self.lingerTimeout))
        drainWhileLingering()
    }

    func drainWhileLingering() {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while !isClosed {
            let result = scratch.withUnsafeMutableBytes { raw -> IOResult<Int>? in
                do throws(SystemError) { return try Socket.read(fd, into: raw) } catch { return nil }
            }
            switch result {
            case .done(let count)? where count > 0:
                lingerDrained += count
                if lingerDrained > Self.lingerLimit { return close() }
            case .wouldBlock?:
                return
            default:
                return close()
            }
        }
    }

    /// Ends the connection because something went wrong; the exchange (if any) stops its upstream.
    func abort(reason: String?) {
        if let reason { server.logger.debug("connection aborted", ["reason": reason]) }
        close()
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        exchange?.clientBroke()
        exchange = nil
        timer?.cancel()
        timer = nil
        if let registration { server.loop.deregister(registration, fd: fd) }
        Glibc.close(fd)
        if let inbound { server.readBuffers.give(inbound) }
        if let outbound { server.writeBuffers.give(outbound) }
        inbound = nil
        outbound = nil
        server.forget(self)
    }
}
