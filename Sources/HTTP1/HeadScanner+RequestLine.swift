extension HeadScanner {
    /// One step through the request line from `i`, which is below `buffer.count`; returns a result
    /// only when the scan stops there.
    @inline(__always)
    mutating func scanRequestLine(
        _ bytes: UnsafePointer<UInt8>, _ buffer: UnsafeBufferPointer<UInt8>, _ i: inout Int
    ) -> Result? {
        let end = buffer.count
        switch state {
        case .lineStart:
            if bytes[i] == ASCII.cr {
                state = .leadingLF
                i += 1
            } else {
                lineStart = i
                lineLimit = i.addingSaturated(maxRequestLineBytes)
                state = .method
            }

        case .leadingLF:
            guard bytes[i] == ASCII.lf else { return fail(.bareCR, buffer, i) }
            i += 1
            emptyLines += 1
            // RFC 9112 §2.2: "a server that is expecting to receive and parse a request-line
            // SHOULD ignore at least one empty line (CRLF) received prior to the request-line."
            // A few, not an endless stream of them.
            guard emptyLines <= maxLeadingEmptyLines else { return fail(.tooManyEmptyLines, buffer, i - 1) }
            state = .lineStart

        case .method:
            let stop = min(end, lineLimit)
            while i < stop && ASCII.isToken(bytes[i]) { i += 1 }
            guard i < end else { break }
            let byte = bytes[i]
            if i == lineLimit && byte != ASCII.cr { return fail(.requestLineTooLong, buffer, i) }
            // RFC 9112 §3: request-line = method SP request-target SP HTTP-version; method = token.
            guard byte == ASCII.space, i > lineStart else {
                let kind: HTTPParseError.Kind = byte == ASCII.space || byte == ASCII.cr || i == lineStart
                    ? .invalidRequestLine : .invalidMethod
                return fail(Self.classify(byte, otherwise: kind), buffer, i)
            }
            methodEnd = i
            i += 1
            targetStart = i
            state = .target

        case .target:
            let stop = min(end, lineLimit)
            while i < stop && ASCII.isVisible(bytes[i]) { i += 1 }
            guard i < end else { break }
            let byte = bytes[i]
            if i == lineLimit && byte != ASCII.cr { return fail(.requestLineTooLong, buffer, i) }
            if byte == ASCII.space && i > targetStart {
                targetEnd = i
                i += 1
                versionStart = i
                state = .version
            } else if byte == ASCII.space || (byte == ASCII.cr && i == targetStart) {
                // RFC 9112 §3: exactly one SP between the parts, and the target is not empty.
                return fail(.invalidRequestLine, buffer, i)
            } else if byte == ASCII.cr {
                // "GET /" alone is HTTP/0.9, which has no headers and no framing to check.
                return fail(.missingVersion, buffer, i)
            } else {
                // RFC 9112 §3.2: a request-target holds no whitespace or control characters;
                // "a server SHOULD respond with a 400 (Bad Request) ... to an invalid request-line".
                return fail(Self.classify(byte, otherwise: .invalidTarget), buffer, i)
            }

        case .version:
            let stop = min(end, lineLimit)
            while i < stop && ASCII.isVisible(bytes[i]) { i += 1 }
            guard i < end else { break }
            let byte = bytes[i]
            if i == lineLimit && byte != ASCII.cr { return fail(.requestLineTooLong, buffer, i) }
            guard byte == ASCII.cr else {
                // A third SP: the target held a space, or the line has more than three parts.
                let kind: HTTPParseError.Kind = byte == ASCII.space ? .invalidRequestLine : .invalidVersion
                return fail(Self.classify(byte, otherwise: kind), buffer, i)
            }
            // RFC 9112 §2.3: HTTP-version = HTTP-name "/" DIGIT "." DIGIT, case-sensitive.
            guard i - versionStart == 8, (0..<8).allSatisfy({ Self.isVersionByte(bytes[versionStart + $0], at: $0) })
            else { return fail(.invalidVersion, buffer, i) }
            switch (bytes[versionStart + 5], bytes[versionStart + 7]) {
            case (0x31, 0x31): version = .http1_1
            case (0x31, 0x30): version = .http1_0
            // RFC 9110 §15.6.6: 505 "indicates that the server does not support ... the major
            // version of HTTP that was used in the request message".
            default: return fail(.unsupportedVersion, buffer, i - 1)
            }
            i += 1
            state = .requestLineLF

        case .requestLineLF:
            guard bytes[i] == ASCII.lf else { return fail(.bareCR, buffer, i) }
            i += 1
            sectionStart = i
            sectionLimit = i.addingSaturated(sectionBudget)
            state = .fieldStart
        default:
            break
        }
        return nil
    }

    /// Whether `byte` may stand at `offset` of "HTTP/d.d".
    private static func isVersionByte(_ byte: UInt8, at offset: Int) -> Bool {
        switch offset {
        case 0: byte == 0x48
        case 1, 2: byte == 0x54
        case 3: byte == 0x50
        case 4: byte == 0x2F
        case 5, 7: ASCII.isDigit(byte)
        case 6: byte == 0x2E
        default: false
        }
    }
}
