/// How bearerd behaves as a systemd service: when it reports ready and how long it drains on stop.
package struct ServiceSettings: Equatable, Sendable {
    package enum ReadyCondition: String, Equatable, Sendable, CaseIterable {
        /// Every listener bound and every credential has had its first fetch (success or failure).
        case credentials
        /// Every listener bound.
        case listening
    }

    package var readyWhen: ReadyCondition
    /// The longest wait for the first fetches before reporting ready anyway.
    package var readyTimeout: Duration
    /// How long in-flight requests and streams may run on after SIGTERM.
    package var shutdownGrace: Duration

    package static let defaults = ServiceSettings(
        readyWhen: .credentials, readyTimeout: .seconds(60), shutdownGrace: .seconds(30))

    package init(readyWhen: ReadyCondition, readyTimeout: Duration, shutdownGrace: Duration) {
        self.readyWhen = readyWhen
        self.readyTimeout = readyTimeout
        self.shutdownGrace = shutdownGrace
    }
}
