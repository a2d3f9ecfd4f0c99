import TestSupport
import Testing

/// Requests bearerd refuses: malformed or ambiguous framing, over limits, or not for a reverse proxy.
/// Each gets its status and a JSON body, and nothing reaches the upstream. After a malformed request
/// the connection closes cleanly (the answer arrives, then the end of stream); after a well-formed one
/// that is refused, the connection stays usable. Each is sent whole and also one byte per write.
@Suite struct MalformedRequestTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: String
        var status: Int
        /// A well-formed request refused by policy: the connection stays open.
        var keepsConnection = false
        var testDescription: String { name }
    }

    static let host = "Host: 127.0.0.1\r\n"
    static let limits = #"limits: { requestLine: 1024, headerBytes: "4KiB", headerCount: 20, body: 1024 }"#

    static let cases: [Case] = [
        Case(name: "Content-Length and Transfer-Encoding", bytes: "POST /api/x HTTP/1.1\r\n\(host)Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "two different Content-Lengths", bytes: "POST /api/x HTTP/1.1\r\n\(host)Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", status: 400),
        Case(name: "a Content-Length list that disagrees", bytes: "POST /api/x HTTP/1.1\r\n\(host)Content-Length: 5, 6\r\n\r\nhello!", status: 400),
        Case(name: "a negative Content-Length", bytes: "POST /api/x HTTP/1.1\r\n\(host)Content-Length: -1\r\n\r\n", status: 400),
        Case(name: "a Content-Length with a plus sign", bytes: "POST /api/x HTTP/1.1\r\n\(host)Content-Length: +5\r\n\r\nhello", status: 400),
        Case(name: "a hexadecimal Content-Length", bytes: "POST /api/x HTTP/1.1\r\n\(host)Content-Length: 0x5\r\n\r\nhello", status: 400),
        Case(name: "a Content-Length that overflows", bytes: "POST /api/x HTTP/1.1\r\n\(host)Content-Length: 99999999999999999999999\r\n\r\n", status: 400),
        Case(name: "Transfer-Encoding gzip", bytes: "POST /api/x HTTP/1.1\r\n\(host)Transfer-Encoding: gzip\r\n\r\n", status: 400),
        Case(name: "chunked applied twice", bytes: "POST /api/x HTTP/1.1\r\n\(host)Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "Transfer-Encoding given twice", bytes: "POST /api/x HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "Transfer-Encoding in HTTP/1.0", bytes: "POST /api/x HTTP/1.0\r\n\(host)Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "an obs-fold continuation line", bytes: "GET /api/x HTTP/1.1\r\n\(host)X-A: one\r\n two\r\n\r\n", status: 400),
        Case(name: "whitespace before the colon", bytes: "GET /api/x HTTP/1.1\r\n\(host)X-A : one\r\n\r\n", status: 400),
        Case(name: "an empty field name", bytes: "GET /api/x HTTP/1.1\r\n\(host): nameless\r\n\r\n", status: 400),
        Case(name: "a bare CR in a value", bytes: "GET /api/x HTTP/1.1\r\n\(host)X-A: one\rtwo\r\n\r\n", status: 400),
        Case(name: "a bare LF line end", bytes: "GET /api/x HTTP/1.1\n\(host)\r\n", status: 400),
        Case(name: "a NUL in a value", bytes: "GET /api/x HTTP/1.1\r\n\(host)X-A: one\u{0}two\r\n\r\n", status: 400),
        Case(name: "a control character in a value", bytes: "GET /api/x HTTP/1.1\r\n\(host)X-A: one\u{1}two\r\n\r\n", status: 400),
        Case(name: "a chunk size that is not hex", bytes: "POST /api/x HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", status: 400),
        Case(name: "a chunk size that overflows", bytes: "POST /api/x HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n1ffffffffffffffff\r\nx\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk data without its CRLF", bytes: "POST /api/x HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n0\r\n\r\n", status: 400),
        Case(name: "a chunk extension with a bare CR", bytes: "POST /api/x HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5;a=b\rc\r\nhello\r\n0\r\n\r\n", status: 400),
        Case(name: "an HTTP/1.1 request without Host", bytes: "GET /api/x HTTP/1.1\r\nX-A: 1\r\n\r\n", status: 400),
        Case(name: "two Host fields", bytes: "GET /api/x HTTP/1.1\r\n\(host)\(host)\r\n", status: 400),
        Case(name: "HTTP/2.0 in the request line", bytes: "GET /api/x HTTP/2.0\r\n\(host)\r\n", status: 505),
        Case(name: "an HTTP/0.9 request", bytes: "GET /api/x\r\n\r\n", status: 400),
        Case(name: "a lower-case version", bytes: "GET /api/x http/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "two spaces in the request line", bytes: "GET  /api/x HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "a DEL byte in the target", bytes: "GET /api/x\u{7F} HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "a request line over the limit", bytes: "GET /api/\(String(repeating: "a", count: 1100)) HTTP/1.1\r\n\(host)\r\n", status: 414),
        Case(name: "more fields than allowed", bytes: "GET /api/x HTTP/1.1\r\n\(host)\((0..<25).map { "X-\($0): v\r\n" }.joined())\r\n", status: 431),
        Case(name: "a header section over the limit", bytes: "GET /api/x HTTP/1.1\r\n\(host)X-Big: \(String(repeating: "b", count: 5000))\r\n\r\n", status: 431),
        Case(name: "a body over the limit by Content-Length", bytes: "POST /api/x HTTP/1.1\r\n\(host)Content-Length: 2048\r\n\r\n", status: 413),
        Case(name: "a chunked body over the limit", bytes: "POST /api/x HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n400\r\n\(String(repeating: "c", count: 1024))\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n", status: 413),
        Case(name: "an unknown expectation", bytes: "POST /api/x HTTP/1.1\r\n\(host)Expect: 200-ok\r\nContent-Length: 1\r\n\r\nx", status: 417),
        Case(name: "an absolute-form target", bytes: "GET http://example.com/api/x HTTP/1.1\r\n\(host)\r\n", status: 400, keepsConnection: true),
        Case(name: "CONNECT", bytes: "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", status: 405, keepsConnection: true),
        Case(name: "TRACE", bytes: "TRACE /api/x HTTP/1.1\r\n\(host)\r\n", status: 405, keepsConnection: true),
        Case(name: "a dot-dot segment", bytes: "GET /api/../admin HTTP/1.1\r\n\(host)\r\n", status: 400, keepsConnection: true),
        Case(name: "an encoded dot-dot segment", bytes: "GET /api/%2e%2E/admin HTTP/1.1\r\n\(host)\r\n", status: 400, keepsConnection: true),
        Case(name: "a dot-dot segment with matrix parameters", bytes: "GET /api/..;/admin HTTP/1.1\r\n\(host)\r\n", status: 400, keepsConnection: true),
        Case(name: "a dot-dot segment ended by a backslash", bytes: "GET /api/..\\admin HTTP/1.1\r\n\(host)\r\n", status: 400, keepsConnection: true),
        Case(name: "a dot-dot segment ended by an encoded slash", bytes: "GET /api/..%2fadmin HTTP/1.1\r\n\(host)\r\n", status: 400, keepsConnection: true),
        Case(name: "encoded dots ended by an encoded backslash", bytes: "GET /api/%2e%2e%5Cadmin HTTP/1.1\r\n\(host)\r\n", status: 400, keepsConnection: true),
        Case(name: "TRACE in lower case", bytes: "trace /api/x HTTP/1.1\r\n\(host)\r\n", status: 405, keepsConnection: true),
        Case(name: "TRACK", bytes: "TRACK /api/x HTTP/1.1\r\n\(host)\r\n", status: 405, keepsConnection: true),
        Case(name: "a fragment in the target", bytes: "GET /api/x#frag HTTP/1.1\r\n\(host)\r\n", status: 400, keepsConnection: true),
        Case(name: "OPTIONS *", bytes: "OPTIONS * HTTP/1.1\r\n\(host)\r\n", status: 400, keepsConnection: true),
    ]

    @Test(arguments: cases)
    func sentWhole(_ testCase: Case) throws {
        try check(testCase, byteByByte: false)
    }

    @Test(arguments: cases)
    func sentOneBytePerWrite(_ testCase: Case) throws {
        try check(testCase, byteByByte: true)
    }

    private func check(_ testCase: Case, byteByByte: Bool) throws {
        let proxy = try ProxyFixture(top: Self.limits)
        let client = try proxy.client()
        let bytes = Array(testCase.bytes.utf8)
        if byteByByte {
            // bearerd may answer and shut down its side before the last byte: later writes can fail.
            for byte in bytes {
                do { try client.send([byte]) } catch { break }
            }
        } else {
            try client.send(bytes)
        }
        if testCase.keepsConnection {
            let refused = try client.readResponse()
            #expect(refused.status == testCase.status, "\(testCase.name)")
            #expect(refused.bodyText.contains("\"type\":"), "\(testCase.name): no JSON error body")
            #expect(proxy.upstream.requests.isEmpty)
            #expect(try client.get("/api/after").status == 200)
            return
        }
        let answer = String(decoding: try client.waitForClose(timeout: .seconds(5)), as: UTF8.self)
        #expect(answer.hasPrefix("HTTP/1.1 \(testCase.status) "), "\(testCase.name): \(answer.prefix(120))")
        #expect(answer.contains("\"type\":"), "\(testCase.name): no JSON error body")
        #expect(proxy.upstream.requests.isEmpty)
    }
}
