import Curl
import TokenCore

/// How a route puts a token into the upstream request: a header name and a value template such as
/// `{type} {token}` (the default, giving `Authorization: Bearer <token>`) or `{token}`.
package struct Injection: Sendable {
    package enum Part: Sendable, Equatable {
        case literal(String)
        case token
        case type
    }

    package let headerName: String
    package let parts: [Part]

    package init(headerName: String, parts: [Part]) {
        self.headerName = headerName
        self.parts = parts
    }

    /// Appends the header line for `token`. This is where a token's bytes leave bearerd.
    func appendHeader(for token: Token, to lines: inout HeaderLines) {
        var value: [UInt8] = []
        value.reserveCapacity(token.secret.count + 32)
        for part in parts {
            switch part {
            case .literal(let text): value.append(contentsOf: text.utf8)
            case .type: value.append(contentsOf: token.scheme.utf8)
            case .token: token.secret.withRevealedBytes { value.append(contentsOf: $0) }
            }
        }
        let name = Array(headerName.utf8)
        name.withUnsafeBufferPointer { name in
            value.withUnsafeBufferPointer { lines.append(name: name, value: $0) }
        }
        // The copy held the token: overwrite it before the memory goes back to the allocator.
        for index in value.indices { value[index] = 0 }
    }
}
