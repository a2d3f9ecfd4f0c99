import Testing

@testable import HTTP1

/// A request the parser must refuse, with the status and label it must give.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let status: Int
    let reason: String
    var limits = HTTPParserLimits()

    var testDescription: String { name }
}

private func bad(
    _ name: String, _ input: String, _ status: Int, _ reason: String, limits: HTTPParserLimits = .init()
) -> MalformedCase {
    MalformedCase(name: name, input: input, status: status, reason: reason, limits: limits)
}

/// A request line and Host, without the empty line that ends the head.
private let getHead = "GET / HTTP/1.1\r\nHost: a\r\n"
/// A complete head announcing a chunked body.
private let chunkedHead = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
private let longTarget = "/" + String(repeating: "a", count: 9000)
private let manyFields = (0...100).map { "X-\($0): v\r\n" }.joined()
private let hugeValue = String(repeating: "v", count: 70_000)

let malformedCases: [MalformedCase] = [
    // Framing: Content-Length and Transfer-Encoding.
    bad("Content-Length with Transfer-Encoding", getHead + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
        400, "transfer_encoding_with_content_length"),
    bad("two differing Content-Length fields", getHead + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n",
        400, "content_length_conflict"),
    bad("a Content-Length list of differing values", getHead + "Content-Length: 5, 6\r\n\r\n",
        400, "content_length_conflict"),
    bad("a negative Content-Length", getHead + "Content-Length: -5\r\n\r\n", 400, "content_length_invalid"),
    bad("a Content-Length with a plus sign", getHead + "Content-Length: +5\r\n\r\n", 400, "content_length_invalid"),
    bad("a hexadecimal Content-Length", getHead + "Content-Length: 0x5\r\n\r\n", 400, "content_length_invalid"),
    bad("a space inside Content-Length", getHead + "Content-Length: 1 2\r\n\r\n", 400, "content_length_invalid"),
    bad("an empty Content-Length", getHead + "Content-Length:\r\n\r\n", 400, "content_length_invalid"),
    bad("a Content-Length list with an empty element", getHead + "Content-Length: 5,\r\n\r\n",
        400, "content_length_invalid"),
    bad("a Content-Length beyond 64 bits", getHead + "Content-Length: 99999999999999999999\r\n\r\n",
        400, "content_length_overflow"),
    bad("Transfer-Encoding gzip", getHead + "Transfer-Encoding: gzip\r\n\r\n", 400, "transfer_encoding_unsupported"),
    bad("Transfer-Encoding gzip, chunked", getHead + "Transfer-Encoding: gzip, chunked\r\n\r\n",
        400, "transfer_encoding_unsupported"),
    bad("Transfer-Encoding chunked, chunked", getHead + "Transfer-Encoding: chunked, chunked\r\n\r\n",
        400, "transfer_encoding_unsupported"),
    bad("Transfer-Encoding given twice",
        getHead + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
        400, "transfer_encoding_repeated"),
    bad("Transfer-Encoding in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
        400, "transfer_encoding_in_http10"),

    // Field lines.
    bad("an obs-fold continuation line", getHead + "X-A: one\r\n two\r\n\r\n", 400, "obs_fold"),
    bad("whitespace before the first field line", "GET / HTTP/1.1\r\n Host: a\r\n\r\n",
        400, "whitespace_before_first_field"),
    bad("a space before the colon", getHead + "X-A : 1\r\n\r\n", 400, "whitespace_before_colon"),
    bad("a tab before the colon", getHead + "X-A\t: 1\r\n\r\n", 400, "whitespace_before_colon"),
    bad("an empty field name", getHead + ": 1\r\n\r\n", 400, "empty_field_name"),
    bad("a field name with a non-token byte", getHead + "X(A): 1\r\n\r\n", 400, "invalid_field_name"),
    bad("a field line without a colon", getHead + "X-A\r\n\r\n", 400, "missing_colon"),
    bad("a bare CR in a value", getHead + "X-A: 1\r2\r\n\r\n", 400, "bare_cr"),
    bad("a bare CR after the request line", "GET / HTTP/1.1\rHost: a\r\n\r\n", 400, "bare_cr"),
    bad("a bare LF after the request line", "GET / HTTP/1.1\nHost: a\r\n\r\n", 400, "bare_lf"),
    bad("a bare LF after a field line", getHead + "X-A: 1\n\r\n", 400, "bare_lf"),
    bad("a bare LF ending the head", getHead + "\n", 400, "bare_lf"),
    bad("a NUL in the method", "G\u{0}T / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "nul_byte"),
    bad("a NUL in the target", "GET /a\u{0}b HTTP/1.1\r\nHost: a\r\n\r\n", 400, "nul_byte"),
    bad("a NUL in a field name", getHead + "X-\u{0}A: 1\r\n\r\n", 400, "nul_byte"),
    bad("a NUL in a value", getHead + "X-A: 1\u{0}2\r\n\r\n", 400, "nul_byte"),
    bad("a control character in a value", getHead + "X-A: 1\u{1}2\r\n\r\n", 400, "control_char"),
    bad("a DEL in a value", getHead + "X-A: 1\u{7F}2\r\n\r\n", 400, "control_char"),

    // Host, Connection, Expect.
    bad("HTTP/1.1 without Host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400, "missing_host"),
    bad("two Host fields", getHead + "Host: b\r\n\r\n", 400, "multiple_host"),
    bad("a Host with a space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400, "invalid_host"),
    bad("a Host with a slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400, "invalid_host"),
    bad("a Connection value that is not a token list", getHead + "Connection: close foo\r\n\r\n",
        400, "invalid_connection"),
    bad("an unknown expectation", getHead + "Expect: something-else\r\n\r\n", 417, "expectation_unsupported"),

    // The request line.
    bad("HTTP/2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505, "version_not_supported"),
    bad("HTTP/1.2", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", 505, "version_not_supported"),
    bad("an HTTP/0.9 request", "GET /\r\n\r\n", 400, "missing_version"),
    bad("a lower-case version", "GET / http/1.1\r\nHost: a\r\n\r\n", 400, "invalid_version"),
    bad("a version with two-digit major", "GET / HTTP/10.1\r\nHost: a\r\n\r\n", 400, "invalid_version"),
    bad("a version without minor", "GET / HTTP/1\r\nHost: a\r\n\r\n", 400, "invalid_version"),
    bad("an empty version", "GET / \r\nHost: a\r\n\r\n", 400, "invalid_version"),
    bad("two spaces after the method", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_request_line"),
    bad("two spaces before the version", "GET /  HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_request_line"),
    bad("a space inside the target", "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_request_line"),
    bad("a line starting with a space", " GET / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_request_line"),
    bad("a method alone", "GET\r\n\r\n", 400, "invalid_request_line"),
    bad("a method that is not a token", "G@T / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_method"),
    bad("a tab in the target", "GET /a\tb HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_target"),
    bad("a DEL in the target", "GET /a\u{7F} HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_target"),
    bad("a high byte in the target", "GET /caf\u{E9} HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_target"),
    bad("a target in no known form", "GET example.com HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_target"),
    bad("the asterisk form outside OPTIONS", "GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_target"),
    bad("CONNECT with an origin-form target", "CONNECT /x HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_target"),
    bad("too many empty lines before the request", "\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
        400, "leading_empty_lines"),

    // Limits.
    bad("a request line over 8 KiB", "GET \(longTarget) HTTP/1.1\r\nHost: a\r\n\r\n", 414, "request_line_too_long"),
    bad("a request line that never ends", "GET \(longTarget)", 414, "request_line_too_long"),
    bad("101 header fields", getHead + manyFields + "\r\n", 431, "too_many_headers"),
    bad("a header section over 64 KiB", getHead + "X-Big: \(hugeValue)\r\n\r\n", 431, "header_section_too_large"),
    bad("a Content-Length over the body limit", getHead + "Content-Length: 134217729\r\n\r\n", 413, "body_too_large"),
    bad("a chunk over the body limit", chunkedHead + "8000001\r\n", 413, "body_too_large"),
    bad("chunks adding up over the body limit", chunkedHead + "6\r\nabcdef\r\n6\r\n", 413, "body_too_large",
        limits: HTTPParserLimits(maxBodyBytes: 10)),
    bad("a trailer section over the header budget",
        chunkedHead + "0\r\nX-T: \(String(repeating: "t", count: 200))\r\n\r\n", 431, "trailer_section_too_large",
        limits: HTTPParserLimits(maxHeaderBytes: 200)),
    bad("header and trailer fields over the count", chunkedHead + "0\r\nX-T: 1\r\nX-U: 2\r\n\r\n",
        431, "too_many_trailers", limits: HTTPParserLimits(maxHeaderCount: 3)),

    // Chunked framing.
    bad("a chunk size that is not hex", chunkedHead + "g\r\n", 400, "invalid_chunk_size"),
    bad("a chunk size of 17 hex digits", chunkedHead + "00000000000000001\r\n", 400, "chunk_size_too_long"),
    bad("a chunk size beyond 63 bits", chunkedHead + "FFFFFFFFFFFFFFFF\r\n", 400, "chunk_size_overflow"),
    bad("a missing chunk size", chunkedHead + "\r\nabc\r\n", 400, "invalid_chunk_size"),
    bad("a chunk size with 0x", chunkedHead + "0x10\r\n", 400, "invalid_chunk_size"),
    bad("a chunk size after a space", chunkedHead + " 5\r\nhello\r\n", 400, "invalid_chunk_size"),
    bad("a negative chunk size", chunkedHead + "-5\r\n", 400, "invalid_chunk_size"),
    bad("whitespace after a chunk size", chunkedHead + "5 \r\nhello\r\n", 400, "invalid_chunk_size"),
    bad("chunk data longer than its size", chunkedHead + "5\r\nhelloX\r\n0\r\n\r\n", 400, "missing_chunk_crlf"),
    bad("chunk data followed by a bare LF", chunkedHead + "5\r\nhello\n0\r\n\r\n", 400, "missing_chunk_crlf"),
    bad("a bare CR in a chunk extension", chunkedHead + "5;a\rb\r\nhello\r\n", 400, "bare_cr"),
    bad("a bare LF in a chunk extension", chunkedHead + "5;a\nhello\r\n", 400, "bare_lf"),
    bad("a NUL in a chunk extension", chunkedHead + "5;a=\u{0}\r\nhello\r\n", 400, "nul_byte"),
    bad("a chunk extension without a name", chunkedHead + "5;=x\r\nhello\r\n", 400, "invalid_chunk_extension"),
    bad("a CR inside a quoted chunk extension", chunkedHead + "5;a=\"x\r\n\"\r\nhello\r\n",
        400, "invalid_chunk_extension"),
    bad("a chunk-size line over 4 KiB", chunkedHead + "5;a=" + String(repeating: "b", count: 5000) + "\r\n",
        400, "chunk_line_too_long"),
    bad("an obs-fold in the trailers", chunkedHead + "0\r\nX-T: 1\r\n 2\r\n\r\n", 400, "obs_fold"),
    bad("a bare LF ending the trailers", chunkedHead + "0\r\nX-T: 1\r\n\n", 400, "bare_lf"),
]

@Suite("Malformed requests")
struct MalformedRequestTests {
    @Test("are refused with the right status and reason however the input is split", arguments: malformedCases)
    func refused(_ malformed: MalformedCase) {
        let seen = parseEveryWay(bytes(malformed.input), limits: malformed.limits)
        #expect(seen.last == .error(status: malformed.status, reason: malformed.reason), "events: \(seen)")
    }
}
