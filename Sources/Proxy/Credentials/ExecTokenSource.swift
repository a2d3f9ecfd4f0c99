import EventLoop
import TokenCore

/// Tokens printed by a command (`source: "exec"`): each fetch is one `CommandRun`, its standard
/// output read by `ExecOutput.parse`. Whatever the command writes on stderr is logged as one warning
/// line, with the token and the environment's secret values redacted.
///
/// The command's own `timeout` and the credential's fetch timeout both apply; the shorter wins, and
/// either kills the command's whole process group (`cancel()` does for the fetch timeout).
final class ExecTokenSource: TokenSource {
    private let loop: EventLoop
    private let command: [String]
    private let environment: [(name: String, value: Secret)]
    /// The environment values read from secret references: never shown in a log.
    private let secretValues: [Secret]
    private let timeout: Duration
    private let scheme: String?
    private let credential: String
    private let logger: Logger
    private var run: CommandRun?
    private var pending: ScheduledTimer?
    /// Kept across a reload only if the environment values (some read from secret references) are
    /// unchanged too.
    func producesSameTokens(as other: TokenSource) -> Bool {
        guard let other = other as? ExecTokenSource, environment.count == other.environment.count else { return false }
        return zip(environment, other.environment).allSatisfy { $0.name == $1.name && $0.value.isEqual(to: $1.value) }
            && scheme == other.scheme
    }

    var changed: (() -> Void)?

    /// The longest stderr line quoted in a failure summary.
    static let summaryLineLength = 160

    init(
        loop: EventLoop, command: [String], environment: [(name: String, value: Secret)], secretValues: [Secret],
        timeout: Duration, scheme: String?, credential: String, logger: Logger
    ) {
        self.loop = loop
        self.command = command
        self.environment = environment
        self.secretValues = secretValues
        self.timeout = timeout
        self.scheme = scheme
        self.credential = credential
        self.logger = logger
    }

    func fetch(_ completion: @escaping (Result<TokenMaterial, FetchFailure>) -> Void) {
        do throws(CommandSpawn.Failure) {
            run = try CommandRun(loop: loop, command: command, environment: environment, timeout: timeout) {
                [unowned self] outcome in
                run = nil
                completion(result(of: outcome))
            }
        } catch {
            let failure = FetchFailure.permanent(error.description)
            pending = loop.schedule(after: .zero) { [unowned self] in
                pending = nil
                completion(.failure(failure))
            }
        }
    }

    func cancel() {
        pending?.cancel()
        pending = nil
        run?.abandon()
        run = nil
    }

    func stop() {
        cancel()
    }

    private func result(of outcome: CommandRun.Outcome) -> Result<TokenMaterial, FetchFailure> {
        var redactions = secretValues
        let result: Result<TokenMaterial, FetchFailure>
        switch outcome.ending {
        case .exited(0):
            do throws(FetchFailure) {
                var material = try ExecOutput.parse(outcome.stdout)
                if let scheme { material.scheme = scheme }
                redactions.append(material.secret)
                result = .success(material)
            } catch {
                result = .failure(error)
            }
        case .exited(let status):
            result = .failure(.transient("command exited with status \(status)" + firstLine(outcome.stderr)))
        case .signaled(let signal):
            result = .failure(.transient("command was killed by signal \(signal)" + firstLine(outcome.stderr)))
        case .timedOut(let limit):
            result = .failure(
                .transient("command did not finish within \(limit.compactDescription); its process group was killed"))
        case .outputTooLarge:
            result = .failure(
                .permanent("command printed more than \(CommandRun.outputLimit) bytes; its process group was killed"))
        }
        let excerpt = StderrExcerpt.make(outcome.stderr, redacting: redactions)
        if !excerpt.isEmpty {
            logger.warning(
                "credential \"\(credential)\": command wrote to stderr: \(excerpt)", ["credential": credential])
        }
        return result
    }

    /// `: <first stderr line>`, redacted, or nothing.
    private func firstLine(_ stderr: [UInt8]) -> String {
        let line = StderrExcerpt.firstLine(stderr, redacting: secretValues, limit: Self.summaryLineLength)
        return line.isEmpty ? "" : ": " + line
    }
}
