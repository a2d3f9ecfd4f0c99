import HTTP1

/// Decides whether a request may go upstream, before anything is sent anywhere.
///
/// bearerd listens on loopback, and any web page the user opens can make the browser send requests
/// to 127.0.0.1. So besides routing, the gate refuses what a browser would send on a page's behalf:
/// a `Host` that is not this listener (DNS rebinding), an `Origin` the route does not allow, and
/// `Sec-Fetch-Site: cross-site | same-site`. It also refuses what would make bearerd a general
/// proxy (CONNECT, absolute-form targets) and what could step outside a route's base path.
enum RequestGate {
    enum Decision {
        case refuse(ErrorReply)
        case proxy(Route, upstreamURL: [UInt8])
    }

    private static let refusedMethods: Set<String> = ["CONNECT", "TRACE", "TRACK"]

    static func admit(_ head: RequestHead, listener: Listener, settings: ProxySettings) -> Decision {
        let method = head.methodName
        // CONNECT would tunnel anywhere; TRACE (and IIS's TRACK) would echo the injected credential
        // back to the caller. Methods are case-sensitive, but some servers compare them without case.
        if Self.refusedMethods.contains(method.uppercased()) { return .refuse(.methodNotAllowed(method)) }
        guard head.targetIsOriginForm else {
            return .refuse(
                .badRequest("only origin-form targets (\"/path\") are served: bearerd is not a forward proxy"))
        }
        if let port = listener.tcpPort, let hostRange = head.hostRange, !head.withUnsafeBytes({
            HostCheck.allows(UnsafeBufferPointer(rebasing: $0[hostRange]), port: port, names: settings.allowedHosts)
        }) {
            return .refuse(.forbiddenHost(head.hostValue ?? ""))
        }
        return head.withTarget { target in
            let pathEnd = target.firstIndex(of: UInt8(ascii: "?")) ?? target.count
            let path = UnsafeBufferPointer(rebasing: target[0..<pathEnd])
            // RFC 9112 §3.2: a request-target carries no fragment; libcurl would cut the URL at "#".
            if target.contains(UInt8(ascii: "#")) {
                return .refuse(.badRequest("request target has a \"#\": fragments are not sent to servers"))
            }
            if PathSafety.hasDotSegment(path) {
                return .refuse(.badRequest("path has a \".\" or \"..\" segment"))
            }
            guard let (route, restStart) = settings.routes.match(path) else {
                return .refuse(.routeNotFound(path: String(decoding: path, as: UTF8.self)))
            }
            if let refusal = crossSiteRefusal(head, route: route) { return .refuse(refusal) }
            var url = route.upstreamPrefix
            if restStart == path.count, restStart < route.path.count {
                // "/brave" for the route "/brave/": the upstream's base path without its final slash.
                url.removeLast()
            } else {
                url.append(contentsOf: UnsafeBufferPointer(rebasing: target[restStart..<pathEnd]))
            }
            url.append(contentsOf: UnsafeBufferPointer(rebasing: target[pathEnd...]))
            return .proxy(route, upstreamURL: url)
        }
    }

    private static func crossSiteRefusal(_ head: RequestHead, route: Route) -> ErrorReply? {
        if let origin = head.headerValue("origin") {
            return route.allows(origin: origin) ? nil : .forbiddenOrigin(origin)
        }
        if let site = head.headerValue("sec-fetch-site")?.lowercased(), site == "cross-site" || site == "same-site" {
            return route.allows(origin: "*") ? nil : .forbiddenOrigin("Sec-Fetch-Site: \(site)")
        }
        return nil
    }
}

/// Which `Host` values name a loopback listener.
enum HostCheck {
    /// `host` is `name` or `name:port`; the name must be one of `names` (lower-cased), ignoring ASCII
    /// case, and the port, when given, the listener's. Works on the bytes: this runs for every request.
    static func allows(_ host: UnsafeBufferPointer<UInt8>, port: UInt16, names: [String]) -> Bool {
        var nameEnd = host.count
        var givenPort: UnsafeBufferPointer<UInt8>?
        if let close = host.lastIndex(of: UInt8(ascii: "]")) {
            nameEnd = close + 1
            if nameEnd < host.count {
                guard host[nameEnd] == UInt8(ascii: ":") else { return false }
                givenPort = UnsafeBufferPointer(rebasing: host[(nameEnd + 1)...])
            }
        } else if let colon = host.lastIndex(of: UInt8(ascii: ":")) {
            nameEnd = colon
            givenPort = UnsafeBufferPointer(rebasing: host[(colon + 1)...])
        }
        if let givenPort, decimal(givenPort) != port { return false }
        let name = UnsafeBufferPointer(rebasing: host[..<nameEnd])
        return names.contains { allowed in
            allowed.utf8.count == name.count && zip(allowed.utf8, name).allSatisfy { $0 == ASCII.lower($1) }
        }
    }

    /// The port spelled by `digits`, or nil if it is empty, holds anything but digits or exceeds 65535.
    private static func decimal(_ digits: UnsafeBufferPointer<UInt8>) -> UInt16? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte &- UInt8(ascii: "0") < 10 else { return nil }
            value = value * 10 + Int(byte &- UInt8(ascii: "0"))
            guard value <= Int(UInt16.max) else { return nil }
        }
        return UInt16(value)
    }
}
