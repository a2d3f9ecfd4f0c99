import EventLoop
import Glibc
import HTTP1

/// Reading and parsing requests, one at a time, and handing each to an exchange.
extension ClientConnection {
    /// Parses what is buffered and reads more while the current state can use it.
    func pump() {
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

    func readOnce() {
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

    func keepInbound(_ buffer: consuming IOBuffer) {
        if buffer.isEmpty {
            server.readBuffers.give(buffer)
            inbound = nil
        } else {
            inbound = buffer
        }
    }

    func processInput() {
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

    func startRequest(_ head: RequestHead) {
        let decision = RequestGate.admit(head, listener: listener, settings: server.settings)
        switch decision {
        case .refuse(let reply):
            server.logger.info(
                "request refused", ["status": "\(reply.status)", "type": reply.type, "message": reply.message])
            // The refused request's body (if any) is not read: the connection ends after the reply.
            send(reply, keepAlive: head.keepAlive && !head.hasBody)
            if !(head.keepAlive && !head.hasBody) { ignoresInput = true }
        case .proxy(let route, let upstreamURL):
            let exchange = Exchange(connection: self, route: route, head: head, upstreamURL: upstreamURL)
            self.exchange = exchange
            exchange.begin()
        }
    }

    func requestFailed(_ error: HTTPParseError) {
        server.logger.info("malformed request", ["status": "\(error.status)", "reason": error.reason])
        ignoresInput = true
        if let exchange {
            exchange.clientBroke()
            if exchange.hasSentResponseHead {
                endAfterQueuedOutput()
                return
            }
            self.exchange = nil
        }
        send(ErrorReply.malformedRequest(error), keepAlive: false)
    }

    /// The client shut down its side. Requests that arrived with the shutdown were parsed first.
    func peerClosed() {
        peerHasClosed = true
        if let exchange {
            // An agent that hangs up does not want the answer: stop the upstream transfer now, so an
            // abandoned model stream is not generated (and billed) to the end. nginx does the same.
            server.logger.info(
                "client closed the connection before the response completed", ["route": exchange.route.pathString])
            abort(reason: nil)
        } else {
            ignoresInput = true
            closeAfterFlush = true
            flush()
        }
    }
}
