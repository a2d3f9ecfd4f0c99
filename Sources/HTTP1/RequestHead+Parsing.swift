extension RequestHead {
    /// The head that `scanner` accepted in `buffer[scanner.lineStart..<end]`, with the field rules
    /// applied. Copies those bytes once; the fields are copied to an array of exact size.
    init(
        scanned buffer: UnsafeBufferPointer<UInt8>, end: Int, scanner: HeadScanner, limits: HTTPParserLimits
    ) throws(HTTPParseError) {
        let start = scanner.lineStart
        let head = UnsafeBufferPointer(rebasing: buffer[start..<end])
        let methodRange = 0..<scanner.methodEnd - start
        let targetRange = scanner.targetStart - start..<scanner.targetEnd - start
        let method = HTTPMethod(token: UnsafeBufferPointer(rebasing: head[methodRange]))
        let target = UnsafeBufferPointer(rebasing: head[targetRange])
        let form = try Self.form(of: target, method: method)
        let fields = scanner.fields
        let semantics = try HeadSemantics(head: head, fields: fields, version: scanner.version, limits: limits)
        self.init(
            bytes: Array(head), method: method, methodRange: methodRange, targetRange: targetRange,
            targetForm: form, version: scanner.version, fields: fields.withUnsafeBufferPointer { Array($0) },
            semantics: semantics)
    }

    /// Which form of RFC 9112 §3.2 `target` has, if it is allowed with `method`.
    static func form(
        of target: UnsafeBufferPointer<UInt8>, method: HTTPMethod
    ) throws(HTTPParseError) -> RequestTargetForm {
        if method == .connect {
            // RFC 9112 §3.2.3: "The authority-form of request-target is only used for CONNECT
            // requests", and a CONNECT "MUST send only the host and port of the tunnel destination".
            guard isAuthority(target) else { throw HTTPParseError(.invalidTarget, quoting: target) }
            return .authority
        }
        if target[0] == 0x2F {
            return .origin
        }
        if target.count == 1 && target[0] == 0x2A {
            // RFC 9112 §3.2.4: "The asterisk-form of request-target is only used for a server-wide
            // OPTIONS request".
            guard method == .options else { throw HTTPParseError(.invalidTarget, quoting: target) }
            return .asterisk
        }
        guard isAbsolute(target) else { throw HTTPParseError(.invalidTarget, quoting: target) }
        return .absolute
    }

    /// scheme "://" with scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1).
    private static func isAbsolute(_ target: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = target.first, isLetter(first) else { return false }
        var i = 1
        while i < target.count && (isLetter(target[i]) || ASCII.isDigit(target[i]) || isSchemePunctuation(target[i])) {
            i += 1
        }
        return target.count - i >= 3 && target[i] == ASCII.colon && target[i + 1] == 0x2F && target[i + 2] == 0x2F
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    private static func isSchemePunctuation(_ byte: UInt8) -> Bool {
        byte == 0x2B || byte == 0x2D || byte == 0x2E
    }

    /// uri-host ":" port (RFC 9112 §3.2.3), the host non-empty.
    private static func isAuthority(_ target: UnsafeBufferPointer<UInt8>) -> Bool {
        guard target.allSatisfy(ASCII.isHost), let colon = target.lastIndex(of: ASCII.colon), colon > 0 else {
            return false
        }
        return target[(colon + 1)...].allSatisfy(ASCII.isDigit)
    }
}
