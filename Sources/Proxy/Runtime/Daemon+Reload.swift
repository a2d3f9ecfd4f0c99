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
        notifier.reloading(status: "reloading \(configurationPath)")
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
        lifecycle = lifecycle == .starting ? .starting : .running
        notifier.ready(status: statusLine())
    }

    private func apply(_ new: Configuration) throws(DaemonError) {
        let runtime: RuntimeConfiguration
        do {
            runtime = try RuntimeConfiguration(
                new, environment: environment, loop: loop, logger: logger, previous: credentials)
        } catch {
            throw DaemonError(error.description, isConfigurationError: true)
        }
        try openListeners(of: new)
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

    /// Closes listeners no longer configured and opens new ones (not under socket activation, where
    /// systemd owns the sockets).
    private func openListeners(of new: Configuration) throws(DaemonError) {
        guard !usesPassedListeners else { return }
        let missing = server.keepListeners(matching: new.listeners.map(ListenerAddress.init))
        for address in missing {
            do {
                let bound = try server.listen(on: address)
                logger.info("listening", ["address": "\(bound)"])
            } catch {
                throw DaemonError("cannot listen on \(address): \(error)")
            }
        }
    }
}
