/// Header fields that describe one connection, not the message (RFC 9110 §7.6.1): a proxy removes
/// them, and the fields a `Connection` header lists, before forwarding.
enum HopByHop {
    static let contentLength = Array("content-length".utf8)
    static let transferEncoding = Array("transfer-encoding".utf8)
    static let connection = Array("connection".utf8)

    private static let names: [[UInt8]] = [
        "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
        "proxy-authenticate", "proxy-authorization",
    ].map { Array($0.utf8) }

    static func isHopByHop(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        names.contains { ASCII.equalsLowercased(name, $0) }
    }

    /// Whether `name` is one of the comma-separated tokens of the field value `value`, ignoring ASCII
    /// case and the whitespace around each token.
    static func isListed(_ name: UnsafeBufferPointer<UInt8>, in value: UnsafeBufferPointer<UInt8>) -> Bool {
        var listed = false
        forEachToken(in: value) { token in
            if ASCII.equalsIgnoringCase(name, token) { listed = true }
        }
        return listed
    }

    /// Whether a `Connection` value lists field names, not just the options `close` and `keep-alive`.
    static func listsFieldNames(_ connectionValue: UnsafeBufferPointer<UInt8>) -> Bool {
        var listsNames = false
        forEachToken(in: connectionValue) { token in
            if !ASCII.equalsLowercased(token, close) && !ASCII.equalsLowercased(token, keepAlive) { listsNames = true }
        }
        return listsNames
    }

    private static let close = Array("close".utf8)
    private static let keepAlive = Array("keep-alive".utf8)

    /// Calls `body` with each non-empty comma-separated token of `value`, without the whitespace around it.
    private static func forEachToken(
        in value: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var start = 0
        while start < value.count {
            var end = start
            while end < value.count, value[end] != UInt8(ascii: ",") { end += 1 }
            var first = start
            var last = end
            while first < last, ASCII.isWhitespace(value[first]) { first += 1 }
            while last > first, ASCII.isWhitespace(value[last - 1]) { last -= 1 }
            if first < last { body(UnsafeBufferPointer(rebasing: value[first..<last])) }
            start = end + 1
        }
    }
}
