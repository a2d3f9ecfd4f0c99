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
            var output = LineOutput(line: line)
            output.write(headerName)
            output.write(": ")
            for part in parts {
                switch part {
                case .literal(let text): output.write(text)
                case .type: output.write(token.scheme)
                case .token: token.secret.withRevealedBytes { output.write(UnsafeRawBufferPointer($0)) }
                }
            }
        }
    }
}

/// Bytes written one after the other into a buffer sized for them. A struct, not a nested function
/// capturing the offset: that capture cost an allocation per request.
private struct LineOutput {
    let line: UnsafeMutableRawBufferPointer
    var offset = 0

    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        UnsafeMutableRawBufferPointer(rebasing: line[offset..<(offset + bytes.count)]).copyMemory(from: bytes)
        offset += bytes.count
    }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
}
