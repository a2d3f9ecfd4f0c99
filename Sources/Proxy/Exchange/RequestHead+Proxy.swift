import HTTP1

/// What the proxy asks of a parsed request head.
extension RequestHead {
    var methodName: String { method.name }
    var isHEAD: Bool { method == .head }
    var isHTTP10: Bool { version == .http1_0 }
    var targetIsOriginForm: Bool { targetForm == .origin }

    var hasBody: Bool {
        switch framing {
        case .none: false
        case .contentLength(let length): length > 0 || method == .post || method == .put || method == .patch
        case .chunked: true
        }
    }

    /// nil when the body is chunked (its length is unknown until it ends).
    var contentLength: Int64? {
        if case .contentLength(let length) = framing { return length }
        return framing == .none ? 0 : nil
    }

    var hostValue: String? {
        host.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The first value of the field `lowercasedName`.
    func headerValue(_ lowercasedName: String) -> String? {
        firstValue(ofField: lowercasedName).map { String(decoding: $0, as: UTF8.self) }
    }

    func withTarget<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeBytes { body(UnsafeBufferPointer(rebasing: $0[targetRange])) }
    }

    func forEachHeader(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) {
        forEachField(body)
    }

    /// Field names the client's `Connection` header lists (lower-cased bytes).
    var connectionFieldNames: [[UInt8]] {
        connectionTokens.filter { $0 != "close" && $0 != "keep-alive" }.map { Array($0.utf8) }
    }
}
