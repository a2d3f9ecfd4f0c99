import Config
import EventLoop
import Glibc
import Systemd

/// bearerd running as a service: the event loop, the proxy on it, the credentials, and what systemd
/// hears about them (readiness, status, watchdog, reload, stop).
package final class Daemon {
    package let loop: EventLoop
    package let server: ProxyServer
    var configuration: Configuration
    /// Where a reload reads the configuration again; nil for the demo's embedded one.
    let configurationPath: String?
    let environment: [String: String]
    var credentials: [String: (definition: CredentialDefinition, credential: Credential)]
    let logger: Logger
    let notifier: ServiceNotifier
    /// Sockets systemd passed (socket activation): used instead of `listen`.
    private let passedListeners: [PassedListener]
    var usesPassedListeners: Bool { !passedListeners.isEmpty }
    private var signals: SignalSource?
    var lifecycle = Lifecycle.starting
    /// Timers of the service protocol, one of each kind at a time.
    var readyDeadline: ScheduledTimer?
    var startExtension: ScheduledTimer?
    var watchdogPing: ScheduledTimer?
    var graceDeadline: ScheduledTimer?
    /// The last reload's problem, shown in the status line until a reload succeeds.
    var reloadProblem: String?

    enum Lifecycle {
        case starting
        case running
        case stopping
    }

    /// The signals bearerd handles on its loop. Block them (`SignalSource.block`) in `main` before
    /// anything starts a thread.
    package static let handledSignals = [SIGTERM, SIGINT, SIGHUP]

    /// - Parameters:
    ///   - configurationPath: re-read on SIGHUP; nil when the configuration cannot be reloaded.
    ///   - passedListeners: from `ListenFDs.take()`, taken in `main` before any thread started.
    ///   - sharedLoop: lets something else run on the same loop (the demo's echo upstream).
    package init(
        configuration: Configuration, configurationPath: String? = nil, environment: [String: String],
        logger: Logger, passedListeners: [PassedListener] = [], sharedLoop: EventLoop? = nil
    ) throws(DaemonError) {
        self.configuration = configuration
        self.configurationPath = configurationPath
        self.environment = environment
        self.logger = logger
        self.passedListeners = passedListeners
        notifier = ServiceNotifier(logger: logger)
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

    /// Binds every configured listener (all or none), or adopts the sockets systemd passed, and
    /// returns the addresses served.
    @discardableResult
    package func bindListeners() throws(DaemonError) -> [ListenerAddress] {
        if !passedListeners.isEmpty {
            try adoptPassedListeners()
        } else {
            for address in configuration.listeners.map(ListenerAddress.init) {
                do {
                    let bound = try server.listen(on: address)
                    logger.info("listening", ["address": "\(bound)"])
                } catch {
                    server.closeListeners()
                    throw DaemonError("cannot listen on \(address): \(error)")
                }
            }
        }
        return server.boundAddresses
    }

    private func adoptPassedListeners() throws(DaemonError) {
        for passed in passedListeners {
            guard passed.role == .agent else {
                // Kept open (systemd owns it) for the admin API to come; nothing is served on it.
                logger.info("admin socket passed by systemd is not served yet", ["address": "\(passed.address)"])
                continue
            }
            let address = ListenerAddress(passed.address)
            do {
                try server.adoptListener(fd: passed.fd, address: address)
            } catch {
                throw DaemonError("cannot serve the socket systemd passed (\(address)): \(error)")
            }
            logger.info("listening", ["address": "\(address)", "activation": "systemd"])
        }
    }

    /// Starts the credentials' first fetches and serves until SIGTERM or SIGINT (and the drain).
    package func run() throws(DaemonError) {
        do {
            signals = try SignalSource(loop: loop, signals: Self.handledSignals) { [unowned self] signal in
                signalReceived(signal)
            }
        } catch {
            throw DaemonError("cannot watch signals: \(error)")
        }
        for (_, entry) in credentials.sorted(by: { $0.key < $1.key }) {
            watch(entry.credential)
            entry.credential.start()
        }
        startServiceProtocol()
        do {
            try loop.run()
        } catch {
            throw DaemonError("event loop failed: \(error)")
        }
        signals?.close()
        signals = nil
        for timer in [readyDeadline, startExtension, watchdogPing, graceDeadline] { timer?.cancel() }
        for (_, entry) in credentials { entry.credential.stop() }
        server.closeListeners()
        server.closeAllConnections()
    }

    func watch(_ credential: Credential) {
        credential.changed = { [unowned self] in credentialsChanged() }
    }

    private func signalReceived(_ signal: Int32) {
        switch signal {
        case SIGHUP: reload()
        default: stop(signal: signal == SIGTERM ? "SIGTERM" : "SIGINT")
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

    init(_ address: SocketAddress) {
        switch address {
        case .tcp(let host, let port): self = .tcp(host: host, port: port)
        case .unix(let path): self = .unix(path: path, mode: 0)
        }
    }
}
