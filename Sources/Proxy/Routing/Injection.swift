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

    /// Appends the header line for `token`. This is where a token's bytes leave bearerd. The line is
    /// written straight into HeaderLines' temporary buffer, which is zeroed after libcurl copied it.
    func appendHeader(for token: Token, to lines: inout HeaderLines) {
        var count = headerName.utf8.count + 2
        for part in parts {
            switch part {
            case .literal(let text): count += text.utf8.count
            case .type: count += token.scheme.utf8.count
            case .token: count += token.secret.count
            }
        }
        lines.appendLine(count: count) { line in
            var offset = 0
            func write(_ bytes: UnsafeRawBufferPointer) {
                UnsafeMutableRawBufferPointer(rebasing: line[offset..<(offset + bytes.count)]).copyMemory(from: bytes)
                offset += bytes.count
            }
            func write(_ text: String) {
                var text = text
                text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
            }
            write(headerName)
            write(": ")
            for part in parts {
                switch part {
                case .literal(let text): write(text)
                case .type: write(token.scheme)
                case .token: token.secret.withRevealedBytes { write(UnsafeRawBufferPointer($0)) }
                }
            }
        }
    }
}
