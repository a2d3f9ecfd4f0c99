import CCurl
import Curl
import TokenCore

/// One token endpoint request, built once from the configuration with its secrets resolved, and put
/// on a fresh transfer for each fetch.
///
/// Header values and the body are `Secret`s: they are revealed only here, into libcurl's own copies
/// (`CURLOPT_COPYPOSTFIELDS`, the header list), never into a `String`.
struct IssuerRequest {
    /// A header line whose value may be secret.
    struct Header {
        var name: String
        var value: Secret
    }

    var url: String
    var method: String
    /// Sent as written, before the defaults below (which they replace when the names match).
    var headers: [Header]
    /// Nil: no body. A POST always sends one, empty if need be.
    var body: Secret?
    /// The `Content-Type` of `body` unless `headers` set one.
    var contentType: String?
    var caFile: String?
    var proxy: String?
    var clientCertificate: String?
    var clientKey: String?

    /// Whether `other` sends the same secrets (a reload with an unchanged definition may have read a
    /// rotated client secret or header value).
    func hasSameSecrets(as other: IssuerRequest) -> Bool {
        guard headers.count == other.headers.count else { return false }
        for (mine, theirs) in zip(headers, other.headers) where !mine.value.isEqual(to: theirs.value) { return false }
        switch (body, other.body) {
        case (nil, nil): return true
        case (let mine?, let theirs?): return mine.isEqual(to: theirs)
        default: return false
        }
    }

    /// Sets the transfer's options. Redirects are not followed (an issuer that moves is misconfigured,
    /// and a redirect would carry the body elsewhere) and only http and https are spoken.
    func configure(_ transfer: Transfer) {
        transfer.set(CURLOPT_URL, url)
        transfer.set(CURLOPT_PROTOCOLS_STR, "http,https")
        transfer.set(CURLOPT_FOLLOWLOCATION, false)
        if let caFile { transfer.set(CURLOPT_CAINFO, caFile) }
        if let proxy { transfer.set(CURLOPT_PROXY, proxy) }
        if let clientCertificate { transfer.set(CURLOPT_SSLCERT, clientCertificate) }
        if let clientKey { transfer.set(CURLOPT_SSLKEY, clientKey) }
        if body != nil || method == "POST" {
            let body = body ?? Secret(bytes: [])
            transfer.set(CURLOPT_POST, true)
            // Set first, so that libcurl copies exactly this many bytes.
            transfer.set(CURLOPT_POSTFIELDSIZE, body.count)
            body.withRevealedBytes { transfer.set(CURLOPT_COPYPOSTFIELDS, bytes: $0) }
            if method != "POST" { transfer.set(CURLOPT_CUSTOMREQUEST, method) }
        } else if method == "GET" {
            transfer.set(CURLOPT_HTTPGET, true)
        } else {
            transfer.set(CURLOPT_CUSTOMREQUEST, method)
        }
        transfer.setHeaders(headerLines())
    }

    private func headerLines() -> HeaderLines {
        var lines = HeaderLines()
        for header in headers {
            let name = Array(header.name.utf8)
            name.withUnsafeBufferPointer { name in
                header.value.withRevealedBytes { lines.append(name: name, value: $0) }
            }
        }
        let written = Set(headers.map { $0.name.lowercased() })
        if !written.contains("accept") { lines.append("Accept: application/json") }
        if !written.contains("user-agent") { lines.append("User-Agent: bearerd") }
        if let contentType, body != nil, !written.contains("content-type") {
            lines.append("Content-Type: \(contentType)")
        }
        // No `Expect: 100-continue` round trip for a small body.
        lines.append("Expect:")
        return lines
    }
}
