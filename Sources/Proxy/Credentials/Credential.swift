import EventLoop
import Glibc
import TokenCore

/// A request that waits for a token.
protocol TokenWaiter: AnyObject {
    func tokenArrived(_ token: Token)
    func tokenUnavailable(_ reply: ErrorReply)
}

/// One named credential shared by every route that names it: the shell around TokenCore's
/// `CredentialStateMachine`. It performs the machine's actions (fetch from the source, arm the one
/// timer, release waiters, log) and turns loop time into the machine's instants.
package final class Credential {
    package let name: String
    private let loop: EventLoop
    private let logger: Logger
    private let source: TokenSource
    private var machine: CredentialStateMachine<SystemRandomNumberGenerator>
    private var waiters: [WaiterID: TokenWaiter] = [:]
    private var nextWaiterID: UInt64 = 0
    private var wakeUp: ScheduledTimer?
    private var fetchDeadline: ScheduledTimer?
    /// Set by `stop(reason:)`: the words every later request for a token gets.
    private var stopReason: String?
    private var isStopped: Bool { stopReason != nil }
    /// Called after each fetch outcome (readiness and the status line follow credentials).
    package var changed: (() -> Void)?

    init(name: String, source: TokenSource, policy: RefreshPolicy, loop: EventLoop, logger: Logger) {
        self.name = name
        self.source = source
        self.loop = loop
        self.logger = logger
        machine = CredentialStateMachine(policy: policy, random: SystemRandomNumberGenerator())
        source.changed = { [unowned self] in
            perform(machine.sourceChanged(now: now))
        }
    }

    /// The first fetch has finished, one way or the other (readiness).
    package var hasAttemptedFetch: Bool { machine.hasAttemptedFetch }
    package var status: CredentialStatus { machine.status(at: now) }

    /// Starts the first fetch.
    package func start() {
        perform(machine.started(now: now))
    }

    /// Whether this credential may keep its token cache when a reload defines it again with `source`.
    func keepsTokens(with source: TokenSource) -> Bool {
        self.source.producesSameTokens(as: source)
    }

    /// Stops fetching and watching for good; waiting requests get an answer.
    package func stop(reason: String = "bearerd is stopping") {
        stopReason = reason
        wakeUp?.cancel()
        fetchDeadline?.cancel()
        source.stop()
        let pending = waiters.values
        waiters.removeAll()
        for waiter in pending {
            waiter.tokenUnavailable(.credentialUnavailable(name, reason: reason, retryAfter: 1))
        }
    }

    // MARK: Requests

    enum Answer {
        case ready(Token)
        /// `tokenArrived` or `tokenUnavailable` follows.
        case wait
        case unavailable(ErrorReply)
    }

    /// A token for a request now, or a promise of one.
    func tokenNeeded(by waiter: TokenWaiter) -> Answer {
        if let stopReason { return stoppedAnswer(stopReason) }
        nextWaiterID &+= 1
        let id = WaiterID(nextWaiterID)
        let result = machine.tokenNeeded(by: id, now: now)
        let answer = answer(for: result.answer, waiter: waiter, id: id)
        // Sources complete later, never inside `fetch`, so no waiter is released before it knows it waits.
        perform(result.actions)
        return answer
    }

    private func answer(for answer: TokenAnswer, waiter: TokenWaiter, id: WaiterID) -> Answer {
        switch answer {
        case .use(let token):
            return .ready(token)
        case .wait:
            waiters[id] = waiter
            return .wait
        case .unavailable(let retryAfter, let failure):
            return .unavailable(unavailableReply(retryAfter: retryAfter, failure: failure))
        }
    }

    /// A request that carried `generation` was answered 401: that token is not used again, and the
    /// request gets a fresh token (or waits for one) like any other.
    func upstreamRejected(generation: UInt64, by waiter: TokenWaiter) -> Answer {
        // A stopped credential fetches nothing more: the 401 passes through.
        if let stopReason { return stoppedAnswer(stopReason) }
        nextWaiterID &+= 1
        let id = WaiterID(nextWaiterID)
        let result = machine.upstreamRejected(generation: generation, by: id, now: now)
        let answer = answer(for: result.answer, waiter: waiter, id: id)
        perform(result.actions)
        return answer
    }

    /// A 401 for `generation` on a request that will not be replayed: the token is still not used again.
    func invalidate(generation: UInt64) {
        guard !isStopped else { return }
        nextWaiterID &+= 1
        let id = WaiterID(nextWaiterID)
        let result = machine.upstreamRejected(generation: generation, by: id, now: now)
        machine.waiterLeft(id)
        perform(result.actions)
    }

    /// Whether a request rejected with `rejectedGeneration` should go again with `token`.
    func shouldReplay(rejectedGeneration: UInt64, with token: Token) -> Bool {
        machine.shouldReplay(rejectedGeneration: rejectedGeneration, with: token)
    }

    /// A source that always hands back the same token cannot fix a 401: no invalidation, no replay.
    var refreshesOnRejection: Bool { source.refreshesOnRejection }

    /// The request no longer waits (its client left).
    func stopWaiting(_ waiter: TokenWaiter) {
        guard let id = waiters.first(where: { $0.value === waiter })?.key else { return }
        waiters[id] = nil
        machine.waiterLeft(id)
    }

    // MARK: Performing the machine's actions

    private var now: Instant { Instant(loop.now) }

    /// For requests still on a credential a reload removed, or during a stop.
    private func stoppedAnswer(_ reason: String) -> Answer {
        .unavailable(.credentialUnavailable(name, reason: reason, retryAfter: 1))
    }

    private func perform(_ actions: [CredentialAction]) {
        // After stop() nothing is fetched or scheduled; waiters were answered there.
        guard !isStopped else { return }
        for action in actions {
            switch action {
            case .startFetch:
                startFetch()
            case .scheduleWakeUp(let instant):
                wakeUp?.cancel()
                wakeUp = loop.schedule(at: LoopInstant(instant)) { [unowned self] in
                    wakeUp = nil
                    perform(machine.wakeUpArrived(now: now))
                }
            case .resume(let ids, let token):
                for id in ids { waiters.removeValue(forKey: id)?.tokenArrived(token) }
            case .fail(let ids, let retryAfter, let failure):
                let reply = unavailableReply(retryAfter: retryAfter, failure: failure)
                for id in ids { waiters.removeValue(forKey: id)?.tokenUnavailable(reply) }
            case .reportFailure(let report):
                logger.warning(
                    report.message(credential: name, now: now),
                    ["credential": name, "failure": report.failure.kindLabel])
            case .reportRecovery(let report):
                logger.info(report.message(credential: name, now: now), ["credential": name])
            }
        }
    }

    private func startFetch() {
        guard !isStopped else { return }
        let timeout = machine.policy.fetchTimeout
        fetchDeadline = loop.schedule(after: timeout) { [unowned self] in
            fetchDeadline = nil
            source.cancel()
            perform(machine.fetchFailed(.transient("no answer within \(timeout.compactDescription)"), now: now))
            changed?()
        }
        source.fetch { [unowned self] result in
            fetchDeadline?.cancel()
            fetchDeadline = nil
            switch result {
            case .success(let material):
                let before = machine.status(at: now).generation
                perform(machine.fetchSucceeded(material, now: now, wallNow: WallTime.now()))
                // The machine may refuse the token (expired on arrival): only a new generation is news.
                let status = machine.status(at: now)
                if let generation = status.generation, generation != before {
                    var validity = "no expiry"
                    if case .until(let end) = status.validity { validity = (end - now).compactDescription }
                    logger.info(
                        "token fetched", ["credential": name, "generation": "\(generation)", "usableFor": validity])
                }
            case .failure(let failure):
                perform(machine.fetchFailed(failure, now: now))
            }
            changed?()
        }
    }

    private func unavailableReply(retryAfter: Duration, failure: FetchFailure) -> ErrorReply {
        let (whole, attoseconds) = retryAfter.components
        let seconds = max(1, Int((Double(whole) + Double(attoseconds) / 1e18).rounded(.up)))
        return .credentialUnavailable(name, reason: failure.summary, retryAfter: seconds)
    }
}

extension Instant {
    /// The same moment on TokenCore's clock (both count from boot).
    init(_ instant: LoopInstant) {
        self.init(sinceOrigin: .nanoseconds(instant.nanoseconds))
    }
}

extension LoopInstant {
    init(_ instant: Instant) {
        let (seconds, attoseconds) = instant.sinceOrigin.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        self.init(nanoseconds: overflow ? (seconds > 0 ? .max : .min) : scaled &+ attoseconds / 1_000_000_000)
    }
}

extension WallTime {
    static func now() -> WallTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return WallTime(secondsSinceEpoch: Int64(spec.tv_sec), nanoseconds: Int64(spec.tv_nsec))
    }
}
