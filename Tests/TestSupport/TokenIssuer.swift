import Glibc

/// A token endpoint on 127.0.0.1 for token source tests: a `TestUpstream` whose handler answers the
/// n-th request (counting from 1) as `reply(n)` says, and records when each request arrived.
///
/// ```
/// let issuer = try TokenIssuer { n in n == 1 ? .status(500) : .token(expiresIn: 60) }
/// // credential { source: "http", url: "\(issuer.url)" } ...
/// let requests = try issuer.waitForRequests(2)
/// // the second answer carried issuer.token(2)
/// ```
package final class TokenIssuer: LoopbackPeer {
    /// How to answer one request.
    package enum Reply: Sendable {
        /// 200 `{"access_token": token(n), "token_type": "Bearer", "expires_in": expiresIn}` (no
        /// `expires_in` when nil).
        case token(expiresIn: Int?)
        /// 200 with `body` as given.
        case body(String, contentType: String = "application/json")
        /// `status` with `body` and `headers`.
        case status(Int, body: String = "", headers: [HeaderField] = [])
        /// No answer until the test opens `gate` (or the client goes away); then a token.
        case hang(TestGate)
    }

    private struct State {
        var count = 0
        var arrivalTimes: [Duration] = []
    }

    package let upstream: TestUpstream
    package var server: LoopbackServer { upstream.server }
    /// Prefix of minted tokens: `token(n)` is `<prefix>-<n>`.
    package let prefix: String
    private let state = Monitor(State())

    package init(prefix: String = "issued", reply: @escaping @Sendable (Int) -> Reply) throws {
        self.prefix = prefix
        let state = self.state
        upstream = try TestUpstream { request, writer in
            let n = state.withLock { state -> Int in
                state.count += 1
                state.arrivalTimes.append(.nanoseconds(Self.monotonicNanoseconds()))
                return state.count
            }
            switch reply(n) {
            case .token(let expiresIn):
                try writer.respond(
                    status: 200, headers: [HeaderField("Content-Type", "application/json")],
                    body: Self.tokenJSON("\(prefix)-\(n)", expiresIn: expiresIn))
            case .body(let body, let contentType):
                try writer.respond(status: 200, headers: [HeaderField("Content-Type", contentType)], body: body)
            case .status(let status, let body, let headers):
                try writer.respond(status: status, headers: headers, body: body)
            case .hang(let gate):
                try gate.pass(cancellation: writer.cancellation, timeout: .seconds(30))
                try writer.respond(
                    status: 200, headers: [HeaderField("Content-Type", "application/json")],
                    body: Self.tokenJSON("\(prefix)-\(n)", expiresIn: nil))
            }
        }
    }

    /// The token minted for the n-th request.
    package func token(_ n: Int) -> String { "\(prefix)-\(n)" }

    /// `http://127.0.0.1:<port>/token`
    package var url: String { "\(baseURL)/token" }

    /// When each request reached the handler, on CLOCK_MONOTONIC, in order.
    package var arrivalTimes: [Duration] { state.read(\.arrivalTimes) }

    /// Waits until `count` requests reached the handler; returns their arrival times.
    @discardableResult
    package func waitForArrivals(_ count: Int, timeout: Duration = .seconds(5)) throws -> [Duration] {
        try state.wait(for: "\(count) token requests", timeout: timeout, seen: { "saw \($0.count)" }) { state in
            state.count >= count ? state.arrivalTimes : nil
        }
    }

    /// `{"access_token":"...","token_type":"Bearer","expires_in":60}`
    package static func tokenJSON(_ token: String, expiresIn: Int?) -> String {
        #"{"access_token":"\#(token)","token_type":"Bearer""# + (expiresIn.map { #","expires_in":\#($0)"# } ?? "") + "}"
    }

    /// An unsigned JWT (`alg: none`) with the given `exp` and `iat` (seconds since the epoch).
    package static func jwt(expiresAt: Int, issuedAt: Int? = nil, subject: String = "agent") -> String {
        let header = #"{"alg":"none","typ":"JWT"}"#
        let claims = #"{"sub":"\#(subject)","exp":\#(expiresAt)"# + (issuedAt.map { #","iat":\#($0)"# } ?? "") + "}"
        return base64URL(Array(header.utf8)) + "." + base64URL(Array(claims.utf8)) + ".c2ln"
    }

    /// Seconds since the epoch now.
    package static func epochSeconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now.tv_sec
    }

    package static func monotonicNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0...chunk.count {
                output.append(alphabet[Int(value >> (18 - 6 * UInt32(position)) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
