import Proxy
import Systemd

/// `bearerd run`: serve with a configuration file.
enum RunCommand {
    static func main(_ arguments: [String]) -> Int32 {
        let path: String
        switch BearerdCommand.configPath(from: arguments, command: "run") {
        case .success(let value): path = value
        case .failure(let error):
            Output.error("bearerd run: \(error)")
            return ExitStatus.usage
        }
        // Before anything can start a thread: libsystemd unsets LISTEN_* as it takes the sockets.
        let passedListeners: [PassedListener]
        do throws(ListenFDsError) {
            passedListeners = try ListenFDs.take()
        } catch {
            Output.error("bearerd: cannot use the sockets systemd passed:\n\(error)")
            return ExitStatus.usage
        }
        let environment = ProcessEnvironment.current()
        let loaded: ConfigurationFile.Loaded
        switch ConfigurationFile.load(path: path, environment: environment) {
        case .success(let value): loaded = value
        case .failure(let error):
            Output.error("bearerd: invalid configuration, not starting\n\(error)")
            return ExitStatus.usage
        }
        let logger = Logger.forDaemon(level: loaded.configuration.logLevel)
        for warning in loaded.warnings { logger.warning("configuration: \(warning)") }
        do throws(DaemonError) {
            let daemon = try Daemon(
                configuration: loaded.configuration, configurationPath: path, environment: environment,
                logger: logger, passedListeners: passedListeners)
            try daemon.bindListeners()
            try daemon.run()
            return ExitStatus.ok
        } catch {
            return failed(error, logger: logger)
        }
    }

    /// Serves on listeners already bound.
    static func run(_ daemon: Daemon, logger: Logger) -> Int32 {
        do throws(DaemonError) {
            try daemon.run()
            return ExitStatus.ok
        } catch {
            return failed(error, logger: logger)
        }
    }

    private static func failed(_ error: DaemonError, logger: Logger) -> Int32 {
        logger.error("bearerd cannot run: \(error)")
        return error.isConfigurationError ? ExitStatus.usage : ExitStatus.failure
    }
}
