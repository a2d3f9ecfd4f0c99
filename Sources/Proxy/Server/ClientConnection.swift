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
    private var registration: IORegistration?
    private var parser: RequestParser
    private var inbound: IOBuffer?
    private var outbound: IOBuffer?
    private(set) var exchange: Exchange?
    var isQueued = false
    private(set) var isClosed = false
    private var socketMayHaveBytes = false
    /// Set when a response must be the last one: close once it is written.
    private var closeAfterFlush = false
    /// Input after a refused request is not read: the connection is closing.
    private var ignoresInput = false
    /// The client shut down its side (or the connection broke).
    private var peerHasClosed = false
    /// Our side is shut down; what the client still sends is read and dropped until it closes.
    private var isLingering = false
    /// How long, and how much, a lingering close drains before closing anyway.
    static let lingerTimeout: Duration = .seconds(2)
    static let lingerLimit = 1024 * 1024
    private var lingerDrained = 0
    private var timer: ScheduledTimer?
    /// When the connection last became idle, or when the current request head began.
    private var idleSince: LoopInstant
    private var headStartedAt: LoopInstant?

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

    // MARK: Input

    /// Parses what is buffered and reads more while the current state can use it.
    private func pump() {
        while !isClosed && !ignoresInput {
            processInput()
            guard !isClosed, !ignoresInput, socketMayHaveBytes, wantsInput else { break }
            readOnce()
        }
    }

    /// Input is wanted unless a request is being answered and all its bytes are in (pipelined requests
    /// wait), or its body is waiting for the upstream to take what it was already given.
    private var wantsInput: Bool {
        exchange?.acceptsRequestBody ?? true
    }

    private func readOnce() {
        // Taken out of the property, not copied: a copy would make the append below copy the storage.
        var buffer = inbound.take() ?? server.readBuffers.take()
        if buffer.writableCount == 0 { buffer.reserveWritable(1) }
        let space = buffer.writableCount
        var outcome: Result<IOResult<Int>, SystemError> = .success(.wouldBlock)
        _ = buffer.withWritableSpace { raw in
            do throws(SystemError) {
                let result = try Socket.read(fd, into: raw)
                outcome = .success(result)
                if case .done(let count) = result { return count }
            } catch {
                outcome = .failure(error)
            }
            return 0
        }
        keepInbound(buffer)
        switch outcome {
        case .failure(let error):
            abort(reason: "read failed: \(error)")
        case .success(.wouldBlock):
            socketMayHaveBytes = false
        case .success(.done(0)):
            socketMayHaveBytes = false
            peerClosed()
        case .success(.done(let count)):
            // A short read drained the socket; the next bytes bring a new edge.
            if count < space { socketMayHaveBytes = false }
            if headStartedAt == nil, exchange == nil { headReceptionStarted() }
        }
    }

    private func keepInbound(_ buffer: consuming IOBuffer) {
        if buffer.isEmpty {
            server.readBuffers.give(buffer)
            inbound = nil
        } else {
            inbound = buffer
        }
    }

    private func processInput() {
        while !isClosed && !ignoresInput {
            if let exchange, !exchange.acceptsRequestBody { return }
            let hadBuffer = inbound != nil
            var buffer = inbound.take() ?? IOBuffer(capacity: 0)
            let step = buffer.withReadableBytes { raw in
                let step = parser.parse(raw.assumingMemoryBound(to: UInt8.self))
                if case .body(let range) = step.event {
                    exchange?.requestBodyReceived(UnsafeRawBufferPointer(rebasing: raw[range]))
                }
                return step
            }
            buffer.consume(step.consumed)
            if hadBuffer { keepInbound(buffer) }
            switch step.event {
            case .needMore:
                return
            case .head(let head):
                headStartedAt = nil
                startRequest(head)
            case .body:
                break
            case .end:
                if let exchange {
                    exchange.requestBodyEnded()
                    if !exchange.acceptsRequestBody { return }
                }
            case .error(let error):
                requestFailed(error)
                return
            }
        }
    }

    private func startRequest(_ head: RequestHead) {
        let decision = RequestGate.admit(head, listener: listener, settings: server.settings)
        switch decision {
        case .refuse(let reply):
            server.logger.info("request refused", ["status": "\(reply.status)", "type": reply.type, "message": reply.message])
            // The refused request's body (if any) is not read: the connection ends after the reply.
            send(reply, keepAlive: head.keepAlive && !head.hasBody)
            if !(head.keepAlive && !head.hasBody) { ignoresInput = true }
        case .proxy(let route, let upstreamURL):
            let exchange = Exchange(connection: self, route: route, head: head, upstreamURL: upstreamURL)
            self.exchange = exchange
            exchange.begin()
        }
    }

    private func requestFailed(_ error: HTTPParseError) {
        server.logger.info("malformed request", ["status": "\(error.status)", "reason": error.reason])
        ignoresInput = true
        if let exchange {
            exchange.clientBroke()
            if exchange.hasSentResponseHead {
                close()
                return
            }
            self.exchange = nil
        }
        send(ErrorReply.malformedRequest(error), keepAlive: false)
    }

    /// The client shut down its side. Requests that arrived with the shutdown were parsed first.
    private func peerClosed() {
        peerHasClosed = true
        if let exchange {
            // An agent that hangs up does not want the answer: stop the upstream transfer now, so an
            // abandoned model stream is not generated (and billed) to the end. nginx does the same.
            server.logger.info("client closed the connection before the response completed", ["route": exchange.route.pathString])
            abort(reason: nil)
        } else {
            ignoresInput = true
            closeAfterFlush = true
            flush()
        }
    }

    // MARK: Output

    /// Queues bytes for the client; they are written before the loop sleeps.
    func write(_ bytes: UnsafeRawBufferPointer) {
        guard !isClosed else { return }
        var buffer = outbound.take() ?? server.writeBuffers.take()
        buffer.append(bytes)
        outbound = buffer
        server.enqueue(self)
    }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    var unsentByteCount: Int { outbound?.readableCount ?? 0 }

    func send(_ reply: ErrorReply, keepAlive: Bool) {
        let body = reply.body
        var head = ResponseHeadWriter(status: reply.status)
        head.add("Content-Type", "application/json")
        head.add("Content-Length", "\(body.count)")
        if let retryAfter = reply.retryAfter { head.add("Retry-After", "\(retryAfter)") }
        if !keepAlive { head.add("Connection", "close") }
        write(head.finish() + body)
        if !keepAlive { closeAfterFlush = true }
        idleSince = server.loop.now
    }

    private func flush() {
        guard var buffer = outbound.take() else {
            if closeAfterFlush { finishAfterLastResponse() }
            return
        }
        var failure: SystemError?
        while !buffer.isEmpty {
            let result = buffer.withReadableBytes { raw -> Result<IOResult<Int>, SystemError> in
                do throws(SystemError) { return .success(try Socket.send(fd, raw)) } catch { return .failure(error) }
            }
            switch result {
            case .success(.done(let count)): buffer.consume(count)
            case .success(.wouldBlock): break
            case .failure(let error): failure = error
            }
            if case .success(.done) = result { continue }
            break
        }
        if let failure {
            server.writeBuffers.give(buffer)
            abort(reason: "write failed: \(failure)")
            return
        }
        let unsent = buffer.readableCount
        if buffer.isEmpty {
            if exchange != nil && !closeAfterFlush {
                // A response still streaming keeps its buffer, grown to the size its bursts need; the
                // pool would drop a grown one and the next burst would grow a new one again.
                outbound = buffer
            } else {
                server.writeBuffers.give(buffer)
                if closeAfterFlush { return finishAfterLastResponse() }
            }
        } else {
            outbound = buffer
        }
        exchange?.clientCaughtUp(unsentBytes: unsent)
    }

    // MARK: Draining

    /// bearerd is stopping: an idle connection closes now, a busy one after its current response.
    func finishCurrentRequestThenClose() {
        guard !isClosed else { return }
        ignoresInput = true
        if exchange == nil {
            closeAfterFlush = true
            flush()
        }
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
    private func headReceptionStarted() {
        let now = server.loop.now
        headStartedAt = now
        armTimer(deadline: now.advanced(by: server.settings.clientTimeouts.head))
    }

    // MARK: Timeouts

    /// One lazily re-armed timer per connection, for its own timeouts and its exchange's: it may fire
    /// early, then looks at the real deadline.
    func armTimer(deadline: LoopInstant) {
        if let timer, !timer.isCancelled, timer.deadline <= deadline { return }
        timer?.cancel()
        timer = server.loop.schedule(at: deadline) { [unowned self] in timerFired() }
    }

    private func timerFired() {
        timer = nil
        if isLingering {
            let deadline = idleSince.advanced(by: Self.lingerTimeout)
            return server.loop.now >= deadline ? close() : armTimer(deadline: deadline)
        }
        guard !isClosed else { return }
        if let exchange { return exchange.timerFired() }
        let now = server.loop.now
        let timeouts = server.settings.clientTimeouts
        if let headStartedAt {
            let deadline = headStartedAt.advanced(by: timeouts.head)
            guard now >= deadline else { return armTimer(deadline: deadline) }
            server.logger.info("request head not received in time", ["timeout": "\(timeouts.head)"])
            ignoresInput = true
            send(ErrorReply(status: 408, type: "request_timeout", message: "request head not received in time"), keepAlive: false)
        } else {
            let deadline = idleSince.advanced(by: timeouts.idle)
            guard now >= deadline else { return armTimer(deadline: deadline) }
            close()
        }
    }

    // MARK: Ending

    /// The last response is written. Closing now, with request bytes unread, would make the kernel
    /// answer them with a reset, and a reset can destroy the response before the client reads it. So,
    /// like nginx's lingering close, shut down our side (the client sees the end) and read and drop what
    /// it still sends until it closes, for a bounded time and amount.
    private func finishAfterLastResponse() {
        guard !isClosed else { return }
        guard !peerHasClosed else { return close() }
        isLingering = true
        shutdown(fd, Int32(SHUT_WR))
        idleSince = server.loop.now
        armTimer(deadline: idleSince.advanced(by: Self.lingerTimeout))
        drainWhileLingering()
    }

    private func drainWhileLingering() {
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
