import EventLoop

/// The head and keep-alive timeouts, on one lazily re-armed timer.
extension ClientConnection {
    /// One lazily re-armed timer per connection, for its own timeouts and its exchange's: it may fire
    /// early, then looks at the real deadline.
    func armTimer(deadline: LoopInstant) {
        if let timer, !timer.isCancelled, timer.deadline <= deadline { return }
        timer?.cancel()
        timer = server.loop.schedule(at: deadline) { [unowned self] in timerFired() }
    }

    func timerFired() {
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
            send(
                ErrorReply(status: 408, type: "request_timeout", message: "request head not received in time"),
                keepAlive: false)
        } else {
            let deadline = idleSince.advanced(by: timeouts.idle)
            guard now >= deadline else { return armTimer(deadline: deadline) }
            close()
        }
    }
}
