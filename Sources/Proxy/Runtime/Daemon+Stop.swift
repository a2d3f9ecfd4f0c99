/// SIGTERM and SIGINT: stop accepting, let in-flight requests and streams finish within the grace
/// period, then close the rest. A second signal stops at once.
extension Daemon {
    func stop(signal: String) {
        if lifecycle == .stopping {
            logger.info("second signal, stopping now", ["signal": signal])
            server.closeAllConnections()
            loop.stop()
            return
        }
        lifecycle = .stopping
        let grace = configuration.service.shutdownGrace
        let inFlight = server.busyConnectionCount
        logger.info("stopping", ["signal": signal, "inFlight": "\(inFlight)", "grace": grace.compactDescription])
        notifier.stopping(status: StatusLine.stopping(inFlight: inFlight))
        notifier.extendTimeout(by: grace + Self.extensionMargin)
        for (_, entry) in credentials { entry.credential.stop() }
        graceDeadline = loop.schedule(after: grace) { [unowned self] in
            logger.warning(
                "grace period over, closing the remaining connections", ["open": "\(server.connectionCount)"])
            server.closeAllConnections()
            loop.stop()
        }
        server.drain { [unowned self] in loop.stop() }
    }
}
