@testable import HTTP1

/// The parts of a request head a test states, compared all at once so a failure shows them all.
struct HeadSummary: Equatable, Sendable, CustomStringConvertible {
    var method = HTTPMethod.get
    var target = "/"
    var form = RequestTargetForm.origin
    var version = HTTPVersion.http1_1
    /// "Name: value", one per field line, in order.
    var fields = ["Host: a"]
    var framing = BodyFraming.none
    var keepAlive = true
    var expectsContinue = false
    var connectionTokens: [String] = []
    var host: String? = "a"

    init() {}

    init(_ head: RequestHead) {
        method = head.method
        target = latin1(head.target)
        form = head.targetForm
        version = head.version
        fields = head.fields.indices.map { "\(latin1(head.name(at: $0))): \(latin1(head.value(at: $0)))" }
        framing = head.framing
        keepAlive = head.keepAlive
        expectsContinue = head.expectsContinue
        connectionTokens = head.connectionTokens
        host = head.host.map(latin1)
    }

    var description: String {
        "\(method) \(target) \(version) \(form) \(fields) framing=\(framing) keepAlive=\(keepAlive) "
            + "continue=\(expectsContinue) connection=\(connectionTokens) host=\(host ?? "nil")"
    }
}

/// A head built from the defaults (`GET / HTTP/1.1`, `Host: a`) with `change` applied.
func head(_ change: (inout HeadSummary) -> Void = { _ in }) -> Event {
    var summary = HeadSummary()
    change(&summary)
    return .head(summary)
}

/// An event as a test states it.
enum Event: Equatable, Sendable, CustomStringConvertible {
    case head(HeadSummary)
    case body(String)
    case end
    case error(Int, String)

    init(_ seen: Seen) {
        switch seen {
        case .head(let head): self = .head(HeadSummary(head))
        case .body(let bytes): self = .body(latin1(bytes))
        case .end: self = .end
        case .error(let status, let reason): self = .error(status, reason)
        }
    }

    var description: String {
        switch self {
        case .head(let summary): "head(\(summary))"
        case .body(let text): "body(\(text.count) bytes)"
        case .end: "end"
        case .error(let status, let reason): "error(\(status) \(reason))"
        }
    }
}
