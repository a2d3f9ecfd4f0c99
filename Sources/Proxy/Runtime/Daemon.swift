import Config
import EventLoop
import Glibc

/// bearerd running: the event loop, the proxy on it, the credentials, and the signals that stop it.
package final class Daemon {
    package let loop: EventLoop
    package let server: ProxyServer
    private let configuration: Configuration
    private let credentials: [String: Credential]
    private var logger: Logger
    private var signals: SignalSource?

    /// The signals bearerd handles on its loop. Block them (`SignalSource.block`) in `main` before
    /// anything starts a thread.
    package static let handledSignals = [SIGTERM, SIGINT, SIGHUP]

    /// `sharedLoop` lets something else run on the same loop (the demo's echo upstream).
    package init(
        configuration: Configuration, environment: [String: String], logger: Logger, sharedLoop: EventLoop? = nil
    ) throws(DaemonError) {
        self.configuration = configuration
        self.logger = logger
        do {
            loop = try sharedLoop ?? EventLoop()
        } catch {
            throw DaemonError("cannot create the event loop: \(error)")
        }
        let runtime: RuntimeConfiguration
        do {
            runtime = try RuntimeConfiguration(configuration, environment: environment, loop: loop, logger: logger)
        } catch {
            throw DaemonError(error.description, isConfigurationError: true)
        }
        credentials = runtime.credentials
        do {
            server = try ProxyServer(loop: loop, settings: runtime.settings, logger: logger)
        } catch {
            throw DaemonError("\(error)")
        }
    }

    /// Binds every listener (all or none) and returns the addresses bound.
    @discardableResult
    package func bindListeners() throws(DaemonError) -> [ListenerAddress] {
        for address in configuration.listeners {
            let listenerAddress = ListenerAddress(address)
            do {
                let bound = try server.listen(on: listenerAddress)
                logger.info("listening", ["address": "\(bound)"])
            } catch {
                server.closeListeners()
                throw DaemonError("cannot listen on \(address): \(error)")
            }
        }
        return server.boundAddresses
    }

    /// Starts the credentials' first fetches and serves until SIGTERM or SIGINT.
    package func run() throws(DaemonError) {
        do {
            signals = try SignalSource(loop: loop, signals: Self.handledSignals) { [unowned self] signal in
                signalReceived(signal)
            }
        } catch {
            throw DaemonError("cannot watch signals: \(error)")
        }
        for credential in credentials.values.sorted(by: { $0.name < $1.name }) {
            credential.start()
        }
        do {
            try loop.run()
        } catch {
            throw DaemonError("event loop failed: \(error)")
        }
        signals?.close()
        signals = nil
        for credential in credentials.values { credential.stop() }
        server.closeListeners()
        server.closeAllConnections()
    }

    private func signalReceived(_ signal: Int32) {
        switch signal {
        case SIGHUP:
            logger.info("SIGHUP received; reloading is not supported yet, ignoring")
        default:
            logger.info("stopping", ["signal": signal == SIGTERM ? "SIGTERM" : "SIGINT"])
            loop.stop()
        }
    }
}

/// Why bearerd could not start or keep running.
package struct DaemonError: Error, CustomStringConvertible {
    package var description: String
    /// The configuration was at fault (exit status 2), not the machine (1).
    package var isConfigurationError: Bool

    init(_ description: String, isConfigurationError: Bool = false) {
        self.description = description
        self.isConfigurationError = isConfigurationError
    }
}

extension ListenerAddress {
    init(_ address: ListenAddress) {
        switch address {
        case .tcp(let host, let port):
            let literal = switch host {
            case .localhost: "127.0.0.1"
            default: host.description
            }
            self = .tcp(host: literal, port: port)
        case .unix(let path, let mode):
            self = .unix(path: path, mode: UInt32(mode))
        }
    }
}
