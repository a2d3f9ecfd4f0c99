import CCurl
import CCurlShim
import Curl
import HTTP1
import TokenCore

/// Sets up a transfer so the upstream receives the client's request with the route's credential:
/// same method, path below the route's base, query byte for byte, the client's end-to-end headers,
/// minus hop-by-hop ones and any credential the client sent, plus the injected header and the route's
/// fixed headers. Nothing of libcurl's own is added, redirects are not followed and bodies are not
/// decoded.
enum UpstreamRequest {
    /// The transfer comes from `CurlMulti.makeTransfer(delegate:profile:)` with the route as profile:
    /// when it `keepsOptions`, the route's options are still set from the request before.
    static func configure(_ transfer: Transfer, for exchange: Exchange, token: Token) {
        let head = exchange.head
        let route = exchange.route
        if !transfer.keepsOptions {
            // The path was checked for dot segments; send it exactly as the client wrote it.
            transfer.set(CURLOPT_PATH_AS_IS, true)
            transfer.set(CURLOPT_HTTP_VERSION, Int(bearerd_CURL_HTTP_VERSION_2TLS))
            transfer.set(CURLOPT_PIPEWAIT, true)
            transfer.set(CURLOPT_HTTP_CONTENT_DECODING, false)
            transfer.set(CURLOPT_CONNECTTIMEOUT_MS, Int(route.timeouts.connect.milliseconds))
            if let caFile = route.caFile { transfer.set(CURLOPT_CAINFO, caFile) }
            if let proxy = route.proxy {
                transfer.set(CURLOPT_PROXY, proxy)
                // The proxy's "200 Connection established" is not the upstream's answer.
                transfer.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, true)
            }
        }
        exchange.upstreamURL.withUnsafeBufferPointer { transfer.set(CURLOPT_URL, bytes: $0) }
        configureMethod(transfer, head: head)
        transfer.setHeaders(headerLines(for: head, route: route, token: token))
    }

    /// Sets every option that makes the method, whatever the transfer before set: HTTPGET first puts
    /// the method back to GET with a body-less request, then the request's own.
    private static func configureMethod(_ transfer: Transfer, head: RequestHead) {
        transfer.set(CURLOPT_HTTPGET, true)
        transfer.set(CURLOPT_POSTFIELDSIZE_LARGE, head.hasBody && !head.isHEAD ? head.contentLength ?? -1 : -1)
        switch head.method {
        case .head:
            transfer.clear(CURLOPT_CUSTOMREQUEST)
            transfer.set(CURLOPT_NOBODY, true)
        case .get where !head.hasBody, .post where head.hasBody:
            transfer.clear(CURLOPT_CUSTOMREQUEST)
            if head.hasBody { transfer.set(CURLOPT_POST, true) }
        default:
            transfer.set(CURLOPT_CUSTOMREQUEST, head.methodName)
            if head.hasBody { transfer.set(CURLOPT_POST, true) }
        }
    }

    private static func headerLines(for head: RequestHead, route: Route, token: Token) -> HeaderLines {
        var lines = HeaderLines()
        let listedInConnection = head.connectionFieldNames
        var sawAccept = false
        var sawContentType = false
        head.forEachHeader { name, value in
            if skip(name, route: route, listedInConnection: listedInConnection) { return }
            if ASCII.equalsLowercased(name, accept) { sawAccept = true }
            if ASCII.equalsLowercased(name, contentType) { sawContentType = true }
            lines.append(name: name, value: value)
        }
        route.injection.appendHeader(for: token, to: &lines)
        for line in route.fixedHeaderLines { lines.append(line) }
        // "Name:" with no value stops libcurl adding its own.
        if !sawAccept { lines.append("Accept:" as StaticString) }
        if head.hasBody {
            if !sawContentType { lines.append("Content-Type:" as StaticString) }
            // libcurl adds Expect: 100-continue only to a request with a body.
            lines.append("Expect:" as StaticString)
        }
        return lines
    }

    private static let accept = Array("accept".utf8)
    private static let contentType = Array("content-type".utf8)
    /// Set by libcurl from the URL and the body, or handled by bearerd itself.
    private static let managed: [[UInt8]] = ["host", "content-length", "expect"].map { Array($0.utf8) }

    private static func skip(_ name: UnsafeBufferPointer<UInt8>, route: Route, listedInConnection: [[UInt8]]) -> Bool {
        HopByHop.isHopByHop(name)
            || managed.contains { ASCII.equalsLowercased(name, $0) }
            || route.ownedHeaderNames.contains { ASCII.equalsLowercased(name, $0) }
            || listedInConnection.contains { ASCII.equalsLowercased(name, $0) }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
