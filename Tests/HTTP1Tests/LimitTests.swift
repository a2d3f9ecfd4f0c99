import Testing

@testable import HTTP1

/// A request exactly at a limit, which must pass, and one byte or field over it, which must not.
struct LimitCase: Sendable, CustomTestStringConvertible {
    let name: String
    let atLimit: String
    let overLimit: String
    let limits: HTTPParserLimits
    let status: Int
    let reason: String

    var testDescription: String { name }
}

private let chunked = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"

let limitCases: [LimitCase] = [
    LimitCase(
        name: "request line of 20 bytes",
        atLimit: "GET /234567 HTTP/1.1\r\nHost: a\r\n\r\n", overLimit: "GET /2345678 HTTP/1.1\r\nHost: a\r\n\r\n",
        limits: HTTPParserLimits(maxRequestLineBytes: 20), status: 414, reason: "request_line_too_long"),
    LimitCase(
        name: "header section of 20 bytes",
        atLimit: "GET / HTTP/1.1\r\nHost: a\r\nX-B: 12\r\n\r\n",
        overLimit: "GET / HTTP/1.1\r\nHost: a\r\nX-B: 123\r\n\r\n",
        limits: HTTPParserLimits(maxHeaderBytes: 20), status: 431, reason: "header_section_too_large"),
    LimitCase(
        name: "two header fields",
        atLimit: "GET / HTTP/1.1\r\nHost: a\r\nX-B: 1\r\n\r\n",
        overLimit: "GET / HTTP/1.1\r\nHost: a\r\nX-B: 1\r\nX-C: 2\r\n\r\n",
        limits: HTTPParserLimits(maxHeaderCount: 2), status: 431, reason: "too_many_headers"),
    LimitCase(
        name: "a body of 5 bytes by Content-Length",
        atLimit: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
        overLimit: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\n\r\nhello!",
        limits: HTTPParserLimits(maxBodyBytes: 5), status: 413, reason: "body_too_large"),
    LimitCase(
        name: "a body of 5 bytes in chunks",
        atLimit: chunked + "2\r\nhe\r\n3\r\nllo\r\n0\r\n\r\n",
        overLimit: chunked + "2\r\nhe\r\n4\r\nllo!\r\n0\r\n\r\n",
        limits: HTTPParserLimits(maxBodyBytes: 5), status: 413, reason: "body_too_large"),
    LimitCase(
        name: "a chunk-size line of 8 bytes",
        atLimit: chunked + "1;ab=xyz\r\nh\r\n0\r\n\r\n", overLimit: chunked + "1;ab=xyzw\r\nh\r\n0\r\n\r\n",
        limits: HTTPParserLimits(maxChunkLineBytes: 8), status: 400, reason: "chunk_line_too_long"),
    LimitCase(
        name: "trailers sharing the header budget of 50 bytes (39 for the head)",
        atLimit: chunked + "0\r\nX-T: 12\r\n\r\n", overLimit: chunked + "0\r\nX-T: 123\r\n\r\n",
        limits: HTTPParserLimits(maxHeaderBytes: 50), status: 431, reason: "trailer_section_too_large"),
    LimitCase(
        name: "trailers sharing the field count of 3",
        atLimit: chunked + "0\r\nX-T: 1\r\n\r\n", overLimit: chunked + "0\r\nX-T: 1\r\nX-U: 2\r\n\r\n",
        limits: HTTPParserLimits(maxHeaderCount: 3), status: 431, reason: "too_many_trailers"),
    LimitCase(
        name: "two empty lines before the request line",
        atLimit: "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
        overLimit: "\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
        limits: HTTPParserLimits(maxLeadingEmptyLines: 2), status: 400, reason: "leading_empty_lines"),
]

@Suite("Limits")
struct LimitTests {
    @Test("a request exactly at a limit passes and one past it is refused", arguments: limitCases)
    func boundary(_ limit: LimitCase) {
        let accepted = parseEveryWay(bytes(limit.atLimit), limits: limit.limits)
        #expect(accepted.last == .end, "at the limit: \(accepted)")
        let refused = parseEveryWay(bytes(limit.overLimit), limits: limit.limits)
        #expect(refused.last == .error(status: limit.status, reason: limit.reason), "over the limit: \(refused)")
    }

    @Test("a never-ending field line is refused once it passes the header limit, not at its end")
    func neverEndingLineIsRefusedEarly() {
        var driver = ParserDriver(limits: HTTPParserLimits(maxHeaderBytes: 100))
        driver.feed(bytes("GET / HTTP/1.1\r\nHost: a\r\nX-Endless: "))
        #expect(driver.seen.isEmpty)
        driver.feed(bytes(String(repeating: "x", count: 100)))
        #expect(driver.seen == [.error(status: 431, reason: "header_section_too_large")])
    }
}
