import Curl

/// libcurl's callbacks for the exchange's transfer: they only record and queue (the connection acts
/// before the loop sleeps), and the end of the transfer.
extension Exchange: TransferDelegate {
    func headerLineReceived(_ line: UnsafeRawBufferPointer) -> Bool {
        guard !isFinished else { return false }
        // Activity is noted once the head is complete, not per line: before the head only request body
        // bytes move the deadline (see `deadline`), and per line it showed in the profile.
        guard response.headerLineReceived(line) else { return true }
        // The final head is complete: send it on (or hold a 401 back). From now on the idle gap,
        // usually shorter than the response timeout, is what the timer watches.
        lastActivity = server.loop.now
        let clientHead = response.clientHead(
            requestMethodIsHead: head.isHEAD, clientKeepAlive: head.keepAlive, clientIsHTTP10: head.isHTTP10)
        if response.status == 401, unauthorized.mayHold(requestComplete: requestComplete), token != nil {
            unauthorized.hold(head: clientHead)
        } else {
            // Not replayable (too large a body): the 401 passes, but the token is still invalidated
            // once the transfer ends (libcurl must not be called from here).
            unauthorized.rejectedWithoutReplay = response.status == 401 && unauthorized.isEnabled
            hasSentResponseHead = true
            connection.write(clientHead)
        }
        armTimer()
        return true
    }

    func bodyReceived(_ bytes: UnsafeRawBufferPointer) -> BodyReceipt {
        guard !isFinished else { return .abort }
        if connection.unsentByteCount >= ClientConnection.outputHighWater {
            bodyPaused = true
            server.enqueue(connection)
            return .pause
        }
        lastActivity = server.loop.now
        if unauthorized.isHolding {
            if unauthorized.holdBody(bytes) { return .consumed }
            // Too large to hold back: it goes to the client as it is, without a replay, but its
            // token is still invalidated when the transfer ends.
            releaseHeldUnauthorized()
            unauthorized.rejectedWithoutReplay = unauthorized.isEnabled
        }
        response.frameBody(bytes) { connection.write($0) }
        return .consumed
    }

    func uploadBytesWanted(into buffer: UnsafeMutableRawBufferPointer) -> UploadReply {
        guard !isFinished else { return .abort }
        guard upload?.isEmpty == false, var queue = upload.take() else {
            if requestComplete { return .end }
            uploadPaused = true
            return .pause
        }
        let count = min(buffer.count, queue.readableCount)
        queue.withReadableBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        queue.consume(count)
        upload = queue
        if acceptsRequestBody { server.enqueue(connection) }
        return .bytes(count)
    }

    func transferFinished(_ outcome: TransferOutcome) {
        transfer = nil
        guard !isFinished else { return }
        if unauthorized.rejectedWithoutReplay, let token {
            unauthorized.rejectedWithoutReplay = false
            route.credential.invalidate(generation: token.generation)
        }
        switch outcome {
        case .completed:
            if unauthorized.isHolding { return upstreamRejectedToken() }
            guard hasSentResponseHead else {
                return finish(with: .upstreamFailed("the upstream closed without a response"))
            }
            complete()
        case .failed(let error):
            if hasSentResponseHead || unauthorized.isHolding {
                // Part of the response is out: only a cut connection tells the client it is incomplete.
                server.logger.info("upstream broke mid-response", ["route": route.pathString, "error": error.message])
                isFinished = true
                stopWork()
                connection.endAfterQueuedOutput()
                return
            }
            switch error.kind {
            case .timedOut: finish(with: .upstreamTimeout(error.message))
            case .unreachable: finish(with: .upstreamUnreachable(error.message))
            case .tls: finish(with: .upstreamTLS(error.message))
            case .aborted, .broken: finish(with: .upstreamFailed(error.message))
            }
        }
    }
}
