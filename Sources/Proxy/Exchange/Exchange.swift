import CCurl
import Curl
import EventLoop
import HTTP1
import TokenCore

/// One request on its way upstream and its response on the way back.
///
/// States: waiting for a token -> transfer running (request body streaming up, response head not yet
/// complete) -> response streaming to the client -> finished. libcurl's callbacks (`TransferDelegate`)
/// only record and queue bytes; acting on the client socket or the multi handle happens when the
/// connection resumes, outside libcurl.
final class Exchange {
    unowned let connection: ClientConnection
    let route: Route
    let head: RequestHead
    let upstreamURL: [UInt8]
    var server: ProxyServer { connection.server }

    var transfer: Transfer?
    private(set) var token: Token?
    var isWaitingForToken = false
    var isFinished = false
    /// What is needed to send the request again after an upstream 401 (Exchange+Unauthorized).
    var unauthorized: UnauthorizedReplay

    // Request body, client -> upstream.
    private(set) var requestComplete: Bool
    var upload: IOBuffer?
    var uploadPaused = false
    /// The request body queue is bounded: reading from the client stops while it is full.
    static let uploadQueueLimit = 256 * 1024

    // Response, upstream -> client.
    var response = ResponseRelay()
    var bodyPaused = false
    var hasSentResponseHead = false

    // Timeouts.
    private let startedAt: LoopInstant
    var lastActivity: LoopInstant
    /// Set once the transfer runs: from then on the exchange has a deadline, kept by the connection's
    /// timer (one timer per connection, not one per request).
    private var hasDeadline = false

    init(connection: ClientConnection, route: Route, head: RequestHead, upstreamURL: [UInt8]) {
        self.connection = connection
        self.route = route
        self.head = head
        self.upstreamURL = upstreamURL
        requestComplete = !head.hasBody
        startedAt = connection.server.loop.now
        lastActivity = startedAt
        let replays = route.retryOn401 && route.credential.refreshesOnRejection
        unauthorized = UnauthorizedReplay(bodyLimit: replays ? connection.server.settings.replayBodyLimit : nil)
    }

    /// Whether the connection should hand over more request body bytes now.
    var acceptsRequestBody: Bool {
        !requestComplete && (upload?.readableCount ?? 0) < Self.uploadQueueLimit
    }

    // MARK: Start

    func begin() {
        if head.expectsContinue && head.hasBody {
            connection.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        switch route.credential.tokenNeeded(by: self) {
        case .ready(let token):
            startTransfer(with: token)
        case .wait:
            // In steady state background refreshes keep this from happening: worth a debug line.
            server.logger.debug("request waits for a token", ["credential": route.credential.name])
            isWaitingForToken = true
        case .unavailable(let reply):
            finish(with: reply)
        }
    }

    func startTransfer(with token: Token) {
        self.token = token
        guard let transfer = server.curl.makeTransfer(delegate: self, profile: route) else {
            return finish(with: .upstreamFailed("out of memory starting the upstream request"))
        }
        UpstreamRequest.configure(transfer, for: self, token: token)
        guard server.curl.start(transfer) else {
            server.curl.discard(transfer)
            return finish(with: .upstreamFailed("libcurl refused the transfer"))
        }
        self.transfer = transfer
        armTimer()
    }

    // MARK: Request body from the client

    func requestBodyReceived(_ bytes: UnsafeRawBufferPointer) {
        guard !isFinished else { return }
        var queue = upload.take() ?? server.readBuffers.take()
        queue.append(bytes)
        upload = queue
        unauthorized.keep(bytes)
        lastActivity = server.loop.now
        resumeUpload()
    }

    /// Queues `bytes` as the whole request body of a new transfer (a replay).
    func resendBody(_ bytes: [UInt8]) {
        var queue = upload.take() ?? server.readBuffers.take()
        queue.clear()
        queue.append(bytes)
        upload = queue
        uploadPaused = false
    }

    func requestBodyEnded() {
        requestComplete = true
        resumeUpload()
    }

    private func resumeUpload() {
        guard uploadPaused, let transfer else { return }
        uploadPaused = false
        transfer.unpause()
    }

    // MARK: Response to the client

    /// Called when the connection wrote some output: a paused upstream may continue.
    func clientCaughtUp(unsentBytes: Int) {
        guard bodyPaused, unsentBytes <= ClientConnection.outputLowWater, let transfer else { return }
        bodyPaused = false
        lastActivity = server.loop.now
        transfer.unpause()
    }

    // MARK: Ending

    /// The client connection is gone or broke mid-request: stop everything, answer nothing.
    func clientBroke() {
        guard !isFinished else { return }
        isFinished = true
        stopWork()
    }

    /// The upstream's response is complete and written: the connection serves the next request.
    func complete() {
        guard !isFinished else { return }
        isFinished = true
        response.finishBody { connection.write($0) }
        stopWork()
        connection.exchangeFinished(keepAlive: response.keepsClientConnection && requestComplete)
    }

    /// Answers with bearerd's own error (nothing of the upstream's response was sent yet).
    func finish(with reply: ErrorReply) {
        guard !isFinished else { return }
        isFinished = true
        stopWork()
        server.logger.info(
            "request failed",
            ["route": route.pathString, "status": "\(reply.status)", "type": reply.type, "message": reply.message])
        connection.send(reply, keepAlive: head.keepAlive && requestComplete)
        connection.exchangeFinished(keepAlive: head.keepAlive && requestComplete)
    }

    func stopWork() {
        hasDeadline = false
        if isWaitingForToken {
            route.credential.stopWaiting(self)
            isWaitingForToken = false
        }
        if let transfer {
            server.curl.cancel(transfer)
            self.transfer = nil
        }
        if let upload { server.readBuffers.give(upload) }
        upload = nil
    }

    // MARK: Timeouts

    /// Before the response head: the response timeout from the start. After: the idle gap since the
    /// last byte either way. Re-armed lazily (activity only moves `lastActivity`).
    private var deadline: LoopInstant {
        let idle = lastActivity.advanced(by: route.timeouts.idle)
        guard hasSentResponseHead else {
            return min(startedAt.advanced(by: route.timeouts.response), requestComplete ? .distantFuture : idle)
        }
        return idle
    }

    func armTimer() {
        hasDeadline = true
        connection.armTimer(deadline: deadline)
    }

    /// The connection's timer fired while this exchange runs: it may be early (it was armed for
    /// something else, or activity moved the deadline), so the real deadline is checked here.
    func timerFired() {
        guard hasDeadline, !isFinished else { return }
        guard server.loop.now >= deadline else { return armTimer() }
        if hasSentResponseHead {
            server.logger.info(
                "upstream stalled mid-response, closing", ["route": route.pathString, "idle": "\(route.timeouts.idle)"])
            isFinished = true
            stopWork()
            connection.endAfterQueuedOutput()
        } else if !requestComplete && server.loop.now >= lastActivity.advanced(by: route.timeouts.idle) {
            finish(
                with: ErrorReply(
                    status: 408, type: "request_timeout", message: "request body stalled for \(route.timeouts.idle)"))
        } else {
            finish(with: .upstreamTimeout("no response head from the upstream within \(route.timeouts.response)"))
        }
    }
}

// MARK: - Tokens

extension Exchange: TokenWaiter {
    func tokenArrived(_ token: Token) {
        guard isWaitingForToken, !isFinished else { return }
        isWaitingForToken = false
        if unauthorized.awaitsToken { return replayOrPassUnauthorized(with: token) }
        startTransfer(with: token)
    }

    func tokenUnavailable(_ reply: ErrorReply) {
        guard isWaitingForToken, !isFinished else { return }
        isWaitingForToken = false
        if unauthorized.awaitsToken { return passUnauthorizedThrough() }
        finish(with: reply)
    }
}
