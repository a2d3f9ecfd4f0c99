import HTTP1

/// A response bearerd makes itself: a status and a JSON body with a stable `type` that clients and
/// scripts can match on, e.g. `{"error":{"type":"route_not_found","message":"no route for \"/x\""}}`.
package struct ErrorReply: Sendable, Equatable {
    package var status: Int
    package var type: String
    package var message: String
    /// Seconds, for 503 `credential_unavailable`.
    package var retryAfter: Int?

    package init(status: Int, type: String, message: String, retryAfter: Int? = nil) {
        self.status = status
        self.type = type
        self.message = message
        self.retryAfter = retryAfter
    }

    package var body: [UInt8] {
        var json = #"{"error":{"type":""#
        json += JSONText.escaped(type)
        json += #"","message":""#
        json += JSONText.escaped(message)
        json += "\"}}\n"
        return Array(json.utf8)
    }
}

extension ErrorReply {
    static func badRequest(_ message: String) -> ErrorReply {
        ErrorReply(status: 400, type: "bad_request", message: message)
    }

    /// The answer to a request the parser refused.
    static func malformedRequest(_ error: HTTPParseError) -> ErrorReply {
        let type = switch error.status {
        case 413: "payload_too_large"
        case 414: "uri_too_long"
        case 417: "expectation_failed"
        case 431: "headers_too_large"
        case 505: "http_version_not_supported"
        default: "bad_request"
        }
        return ErrorReply(status: error.status, type: type, message: error.description)
    }

    static func routeNotFound(path: String) -> ErrorReply {
        ErrorReply(status: 404, type: "route_not_found", message: "no route for path \"\(path)\"")
    }

    static func methodNotAllowed(_ method: String) -> ErrorReply {
        ErrorReply(status: 405, type: "method_not_allowed", message: "method \(method) is not proxied")
    }

    static func forbiddenHost(_ host: String) -> ErrorReply {
        ErrorReply(
            status: 403, type: "forbidden_host",
            message: "Host \"\(host)\" does not name this listener; add it to allowedHosts if it should")
    }

    static func forbiddenOrigin(_ origin: String) -> ErrorReply {
        ErrorReply(
            status: 403, type: "forbidden_origin",
            message: "cross-origin request from \"\(origin)\" refused; add the origin to the route's allowedOrigins")
    }

    static func upstreamUnreachable(_ detail: String) -> ErrorReply {
        ErrorReply(status: 502, type: "upstream_unreachable", message: detail)
    }

    /// The upstream's certificate did not verify (or TLS failed otherwise): never retried in clear.
    static func upstreamTLS(_ detail: String) -> ErrorReply {
        ErrorReply(status: 502, type: "upstream_tls_error", message: detail)
    }

    static func upstreamFailed(_ detail: String) -> ErrorReply {
        ErrorReply(status: 502, type: "upstream_error", message: detail)
    }

    static func upstreamTimeout(_ detail: String) -> ErrorReply {
        ErrorReply(status: 504, type: "upstream_timeout", message: detail)
    }

    static func credentialUnavailable(_ credential: String, reason: String, retryAfter: Int) -> ErrorReply {
        ErrorReply(
            status: 503, type: "credential_unavailable",
            message: "credential \"\(credential)\" has no valid token: \(reason)", retryAfter: retryAfter)
    }
}

/// JSON string escaping for the few strings bearerd writes itself.
package enum JSONText {
    package static func escaped(_ text: String) -> String {
        QuotedText.escaped(text) { value in
            let hex = String(value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
