/// A request method: the registered ones bearerd cares about by name, any other token kept as is.
///
/// Methods are case-sensitive (RFC 9110 §9.1), so `get` is `.other("get")`, not `.get`.
package enum HTTPMethod: Sendable, Hashable, CustomStringConvertible {
    case get
    case head
    case post
    case put
    case delete
    case connect
    case options
    case trace
    case patch
    /// Any other token, exactly as received.
    case other(String)

    /// The method as it goes on the wire.
    package var name: String {
        switch self {
        case .get: "GET"
        case .head: "HEAD"
        case .post: "POST"
        case .put: "PUT"
        case .delete: "DELETE"
        case .connect: "CONNECT"
        case .options: "OPTIONS"
        case .trace: "TRACE"
        case .patch: "PATCH"
        case .other(let name): name
        }
    }

    package var description: String { name }

    /// The method spelled by `token`, which the caller has checked holds token characters only.
    init(token: UnsafeBufferPointer<UInt8>) {
        switch token.count {
        case 3 where ASCII.equals(token, "GET"): self = .get
        case 3 where ASCII.equals(token, "PUT"): self = .put
        case 4 where ASCII.equals(token, "POST"): self = .post
        case 4 where ASCII.equals(token, "HEAD"): self = .head
        case 5 where ASCII.equals(token, "PATCH"): self = .patch
        case 5 where ASCII.equals(token, "TRACE"): self = .trace
        case 6 where ASCII.equals(token, "DELETE"): self = .delete
        case 7 where ASCII.equals(token, "OPTIONS"): self = .options
        case 7 where ASCII.equals(token, "CONNECT"): self = .connect
        default: self = .other(String(decoding: token, as: UTF8.self))
        }
    }
}

/// The protocol version of a request; other versions are rejected while parsing.
package enum HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    case http1_0
    case http1_1

    package var description: String {
        switch self {
        case .http1_0: "HTTP/1.0"
        case .http1_1: "HTTP/1.1"
        }
    }
}
