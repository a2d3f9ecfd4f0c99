import TokenCore

/// After an upstream 401 on a request that carried the current token: invalidate that token (once
/// per generation, however many requests report it), wait for a fresh one, and send the request once
/// more if the fresh token differs. The 401 is held back meanwhile, and passed through when no
/// replay happens. Never more than one replay per request.
struct UnauthorizedReplay {
    /// The request body kept for a replay; nil once it outgrew the limit, or when replays are off.
    private(set) var body: [UInt8]?
    private let bodyLimit: Int
    private(set) var hasReplayed = false
    /// The 401 response (client head and body bytes) while the decision is pending.
    private(set) var heldHead: [UInt8]?
    private(set) var heldBody: [UInt8] = []
    /// Waiting for the token that decides.
    var awaitsToken = false
    /// A 401 went to the client unheld; its token is invalidated when the transfer ends.
    var rejectedWithoutReplay = false
    /// Whether this route and credential handle 401s at all.
    let isEnabled: Bool
    /// A 401 body larger than this is passed through as it comes, without a replay.
    static let heldBodyLimit = 64 * 1024

    /// `bodyLimit` nil: the route or its credential does not replay.
    init(bodyLimit: Int?) {
        self.bodyLimit = bodyLimit ?? 0
        body = bodyLimit == nil ? nil : []
        isEnabled = bodyLimit != nil
    }

    var isHolding: Bool { heldHead != nil }

    mutating func keep(_ bytes: UnsafeRawBufferPointer) {
        guard body != nil else { return }
        guard body!.count + bytes.count <= bodyLimit else {
            body = nil
            return
        }
        body!.append(contentsOf: bytes)
    }

    func mayHold(requestComplete: Bool) -> Bool {
        !hasReplayed && requestComplete && body != nil
    }

    mutating func hold(head: [UInt8]) {
        heldHead = head
        heldBody = []
    }

    /// Keeps body bytes of the held 401; false when they would pass the limit (release it then).
    mutating func holdBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard heldBody.count + bytes.count <= Self.heldBodyLimit else { return false }
        heldBody.append(contentsOf: bytes)
        return true
    }

    /// Gives up the held response to send it on.
    mutating func release() -> (head: [UInt8], body: [UInt8])? {
        guard let head = heldHead else { return nil }
        defer {
            heldHead = nil
            heldBody = []
        }
        return (head, heldBody)
    }

    mutating func replayStarted() {
        hasReplayed = true
        heldHead = nil
        heldBody = []
        awaitsToken = false
    }
}

extension Exchange {
    /// The held 401 transfer is complete: tell the credential, then replay or pass the 401 on.
    func upstreamRejectedToken() {
        guard let rejected = token else { return passUnauthorizedThrough() }
        server.logger.info(
            "upstream rejected the token", ["route": route.pathString, "credential": route.credential.name,
                                           "generation": "\(rejected.generation)"])
        switch route.credential.upstreamRejected(generation: rejected.generation, by: self) {
        case .ready(let fresh):
            replayOrPassUnauthorized(with: fresh)
        case .wait:
            unauthorized.awaitsToken = true
            isWaitingForToken = true
        case .unavailable:
            passUnauthorizedThrough()
        }
    }

    func replayOrPassUnauthorized(with fresh: Token) {
        unauthorized.awaitsToken = false
        guard let rejected = token, let body = unauthorized.body,
              route.credential.shouldReplay(rejectedGeneration: rejected.generation, with: fresh)
        else { return passUnauthorizedThrough() }
        unauthorized.replayStarted()
        response = ResponseRelay()
        resendBody(body)
        server.logger.info(
            "replaying the request with a fresh token", ["route": route.pathString, "credential": route.credential.name,
                                                         "generation": "\(fresh.generation)"])
        startTransfer(with: fresh)
    }

    /// No replay: the client gets the upstream's 401 as it was.
    func passUnauthorizedThrough() {
        releaseHeldUnauthorized()
        complete()
    }

    /// Sends the held 401 head and body on; the response continues (or completes) as usual.
    func releaseHeldUnauthorized() {
        guard let held = unauthorized.release() else { return }
        hasSentResponseHead = true
        connection.write(held.head)
        held.body.withUnsafeBytes { bytes in response.frameBody(bytes) { connection.write($0) } }
    }
}
