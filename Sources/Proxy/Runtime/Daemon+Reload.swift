import Config

/// SIGHUP: read the configuration again; if it is valid, apply it without dropping a connection
/// (new requests use the new routes, requests in flight finish on the old ones; credentials whose
/// definition did not change keep their tokens; new listeners open, removed ones close). If it is
/// not, keep running on the old one and say so in the log and the status line.
extension Daemon {
    func reload() {
        guard lifecycle != .stopping else { return }
        guard let configurationPath else {
            logger.info("SIGHUP ignored: this configuration is built in, not read from a file")
            return
        }
        // During start-up systemd waits for the first READY=1: a reload then must not send one early.
        let running = lifecycle == .running
        if running { notifier.reloading(status: "reloading \(configurationPath)") }
        switch ConfigurationFile.load(path: configurationPath, environment: environment) {
        case .failure(let error):
            for line in error.description.split(separator: "\n") {
                logger.error("reload failed, keeping the running configuration", ["problem": String(line)])
            }
            reloadProblem = error.description.split(separator: "\n").first.map(String.init) ?? "invalid configuration"
        case .success(let loaded):
            for warning in loaded.warnings { logger.warning("configuration: \(warning)") }
            do throws(DaemonError) {
                try apply(loaded.configuration)
                reloadProblem = nil
            } catch {
                logger.error("reload failed, keeping the running configuration", ["problem": error.description])
                reloadProblem = error.description
            }
        }
        if running {
            notifier.ready(status: statusLine())
        } else {
            credentialsChanged()
        }
    }

    private func apply(_ new: Configuration) throws(DaemonError) {
        let runtime: RuntimeConfiguration
        do {
            runtime = try RuntimeConfiguration(
                new, environment: environment, loop: loop, logger: logger, previous: credentials)
        } catch {
            throw DaemonError(error.description, isConfigurationError: true)
        }
        do throws(DaemonError) {
            try openListeners(of: new)
        } catch {
            for credential in runtime.newCredentials { credential.stop() }
            throw error
        }
        let removed = credentials.filter { name, entry in runtime.credentials[name]?.credential !== entry.credential }
        server.settings = runtime.settings
        credentials = runtime.credentials
        configuration = new
        logger.level = new.logLevel
        for credential in runtime.newCredentials {
            watch(credential)
            credential.start()
        }
        for (_, entry) in removed { entry.credential.stop(reason: "the credential changed in a reload") }
        logger.info("configuration reloaded", [
            "routes": "\(new.routes.count)", "credentials": "\(new.credentials.count)",
            "kept": "\(new.credentials.count - runtime.newCredentials.count)",
        ])
    }

    /// Opens the listeners the new configuration adds, then closes those it dropped: all or nothing,
    /// so a port in use leaves the running listeners as they were. Not under socket activation, where
    /// systemd owns the sockets.
    private func openListeners(of new: Configuration) throws(DaemonError) {
        guard !usesPassedListeners else { return }
        let addresses = new.listeners.map(ListenerAddress.init)
        var opened: [ListenerAddress] = []
        for address in server.addressesWithoutListener(addresses) {
            do {
                let bound = try server.listen(on: address)
                opened.append(address)
                logger.info("listening", ["address": "\(bound)"])
            } catch {
                server.closeListeners(notIn: server.configuredAddresses.filter { !opened.contains($0) })
                throw DaemonError("cannot listen on \(address): \(error)")
            }
        }
        server.closeListeners(notIn: addresses)
    }
}
