import EventLoop
import Glibc

/// Queueing output and writing it once per loop iteration.
extension ClientConnection {
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

    func flush() {
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
}
