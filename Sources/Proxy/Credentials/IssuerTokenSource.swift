import Curl
import EventLoop
import TokenCore

/// Tokens from an HTTP token endpoint (`source: "http"` and `"oauth2"`): each fetch is one libcurl
/// transfer on the loop, whose answer `parse` reads (TokenCore's `TokenResponse.parse` or
/// `parseOAuth2`).
///
/// Network failures are transient and say `issuer unreachable: ...` with libcurl's reason; a body
/// above `TokenResponse.maximumSize` is refused. The fetch timeout is the `Credential`'s: it calls
/// `cancel()`, which drops the transfer.
final class IssuerTokenSource: TokenSource {
    /// Reads an answer: status, `Retry-After`, body.
    typealias Parser = @Sendable (Int, String?, [UInt8]) throws(FetchFailure) -> TokenMaterial

    private let curl: CurlMulti
    private let request: IssuerRequest
    private let parse: Parser
    /// The configured scheme, which replaces the issuer's `token_type`; nil keeps the issuer's.
    private let scheme: String?
    private var inFlight: (transfer: Transfer, reader: IssuerResponseReader)?
    private var pending: ScheduledTimer?
    /// Kept across a reload only if the secrets it sends are unchanged too.
    func producesSameTokens(as other: TokenSource) -> Bool {
        guard let other = other as? IssuerTokenSource else { return false }
        return request.hasSameSecrets(as: other.request) && scheme == other.scheme
    }

    var changed: (() -> Void)?

    init(curl: CurlMulti, request: IssuerRequest, scheme: String?, parse: @escaping Parser) {
        self.curl = curl
        self.request = request
        self.scheme = scheme
        self.parse = parse
    }

    func fetch(_ completion: @escaping (Result<TokenMaterial, FetchFailure>) -> Void) {
        let reader = IssuerResponseReader()
        guard let transfer = curl.makeTransfer(delegate: reader) else {
            return failSoon(.transient("cannot start a transfer (libcurl is out of memory)"), completion)
        }
        request.configure(transfer)
        reader.finished = { [unowned self] outcome in
            finish(transfer: transfer, reader: reader, outcome: outcome, completion)
        }
        guard curl.start(transfer) else {
            reader.finished = nil
            curl.discard(transfer)
            return failSoon(.transient("cannot start a transfer (libcurl refused it)"), completion)
        }
        inFlight = (transfer, reader)
    }

    func cancel() {
        pending?.cancel()
        pending = nil
        if let (transfer, reader) = inFlight {
            inFlight = nil
            reader.finished = nil
            curl.cancel(transfer)
            reader.clear()
        }
    }

    func stop() {
        cancel()
    }

    /// Runs from libcurl's `transferFinished`, on the loop; the transfer is out of the multi handle.
    private func finish(
        transfer: Transfer, reader: IssuerResponseReader, outcome: TransferOutcome,
        _ completion: (Result<TokenMaterial, FetchFailure>) -> Void
    ) {
        inFlight = nil
        reader.finished = nil
        let result: Result<TokenMaterial, FetchFailure>
        switch outcome {
        case .failed where reader.isTooLarge:
            result = .failure(.permanent("issuer answered with a body above \(TokenResponse.maximumSize) bytes"))
        case .failed(let error):
            result = .failure(.transient(Self.describe(error)))
        case .completed:
            do throws(FetchFailure) {
                var material = try parse(transfer.responseCode, reader.retryAfter, reader.body)
                if let scheme { material.scheme = scheme }
                result = .success(material)
            } catch {
                result = .failure(error)
            }
        }
        reader.clear()
        completion(result)
    }

    /// `issuer unreachable: Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server`
    static func describe(_ error: CurlError) -> String {
        let subject =
            switch error.kind {
            case .unreachable: "issuer unreachable"
            case .timedOut: "issuer timed out"
            case .tls: "issuer TLS failure"
            case .aborted, .broken: "issuer connection failed"
            }
        return "\(subject): \(FetchFailure.issuerText(error.message))"
    }

    private func failSoon(
        _ failure: FetchFailure, _ completion: @escaping (Result<TokenMaterial, FetchFailure>) -> Void
    ) {
        pending = curl.loop.schedule(after: .zero) { [unowned self] in
            pending = nil
            completion(.failure(failure))
        }
    }
}
