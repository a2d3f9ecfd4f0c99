import Testing

@testable import HTTP1

/// A request stream the parser accepts, and the events it must produce.
struct ValidCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let events: [Event]

    var testDescription: String { name }
}

private let bigBody = String((0..<200_000).map { Character(Unicode.Scalar(UInt8(0x21 + $0 % 90))) })

let validCases: [ValidCase] = [
    ValidCase(
        name: "a GET with Host and Accept",
        input: "GET /index.html?q=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n",
        events: [
            head {
                $0.target = "/index.html?q=1"
                $0.fields = ["Host: example.com", "Accept: */*"]
                $0.host = "example.com"
            },
            .end,
        ]),
    ValidCase(
        name: "a POST with Content-Length",
        input: "POST /submit HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello world",
        events: [
            head {
                $0.method = .post
                $0.target = "/submit"
                $0.fields = ["Host: a", "Content-Length: 11"]
                $0.framing = .contentLength(11)
            },
            .body("hello world"), .end,
        ]),
    ValidCase(
        name: "a chunked POST with extensions and trailers",
        input: "POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n6 ; q=\"a \\\" b\";flag ;x = y\r\n world\r\n"
            + "0\r\nChecksum: abc\r\nX-Trailer:  t \r\n\r\n",
        events: [
            head {
                $0.method = .post
                $0.target = "/up"
                $0.fields = ["Host: a", "Transfer-Encoding: chunked"]
                $0.framing = .chunked
            },
            .body("hello world"), .end,
        ]),
    ValidCase(
        name: "upper-case chunk sizes with leading zeros",
        input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n000A\r\n0123456789\r\n00\r\n\r\n",
        events: [
            head {
                $0.method = .post
                $0.fields = ["Host: a", "Transfer-Encoding: chunked"]
                $0.framing = .chunked
            },
            .body("0123456789"), .end,
        ]),
    ValidCase(
        name: "an HTTP/1.0 request closes by default and needs no Host",
        input: "GET / HTTP/1.0\r\n\r\n",
        events: [
            head {
                $0.version = .http1_0
                $0.fields = []
                $0.keepAlive = false
                $0.host = nil
            },
            .end,
        ]),
    ValidCase(
        name: "an HTTP/1.0 request with keep-alive stays open",
        input: "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
        events: [
            head {
                $0.version = .http1_0
                $0.fields = ["Connection: Keep-Alive"]
                $0.connectionTokens = ["keep-alive"]
                $0.host = nil
            },
            .end,
        ]),
    ValidCase(
        name: "Connection: close ends keep-alive and lists hop-by-hop names",
        input: "GET / HTTP/1.1\r\nHost: a\r\nConnection: close,, X-Private\r\n\r\n",
        events: [
            head {
                $0.fields = ["Host: a", "Connection: close,, X-Private"]
                $0.keepAlive = false
                $0.connectionTokens = ["close", "x-private"]
            },
            .end,
        ]),
    ValidCase(
        name: "Expect: 100-continue in HTTP/1.1",
        input: "PUT /f HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 3\r\n\r\nabc",
        events: [
            head {
                $0.method = .put
                $0.target = "/f"
                $0.fields = ["Host: a", "Expect: 100-Continue", "Content-Length: 3"]
                $0.framing = .contentLength(3)
                $0.expectsContinue = true
            },
            .body("abc"), .end,
        ]),
    ValidCase(
        name: "Expect: 100-continue in HTTP/1.0 is ignored",
        input: "POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx",
        events: [
            head {
                $0.method = .post
                $0.version = .http1_0
                $0.fields = ["Expect: 100-continue", "Content-Length: 1"]
                $0.framing = .contentLength(1)
                $0.keepAlive = false
                $0.host = nil
            },
            .body("x"), .end,
        ]),
    ValidCase(
        name: "a pipelined GET and POST",
        input: "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi",
        events: [
            head { $0.target = "/1" }, .end,
            head {
                $0.method = .post
                $0.target = "/2"
                $0.fields = ["Host: a", "Content-Length: 2"]
                $0.framing = .contentLength(2)
            },
            .body("hi"), .end,
        ]),
    ValidCase(
        name: "a pipelined chunked POST and GET",
        input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
            + "GET /next HTTP/1.1\r\nHost: b\r\n\r\n",
        events: [
            head {
                $0.method = .post
                $0.fields = ["Host: a", "Transfer-Encoding: chunked"]
                $0.framing = .chunked
            },
            .body("abc"), .end,
            head {
                $0.target = "/next"
                $0.fields = ["Host: b"]
                $0.host = "b"
            },
            .end,
        ]),
    ValidCase(
        name: "empty lines before the request line are ignored",
        input: "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
        events: [head(), .end]),
    ValidCase(
        name: "obs-text in a value is kept",
        input: "GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf\u{E9} \u{FF}\u{80}\r\n\r\n",
        events: [head { $0.fields = ["Host: a", "X-Name: caf\u{E9} \u{FF}\u{80}"] }, .end]),
    ValidCase(
        name: "values lose surrounding whitespace and may be empty",
        input: "GET / HTTP/1.1\r\nHost: a\r\nX-A: \t a \t b \t\r\nX-Empty:\r\nX-Blank:  \r\n\r\n",
        events: [head { $0.fields = ["Host: a", "X-A: a \t b", "X-Empty: ", "X-Blank: "] }, .end]),
    ValidCase(
        name: "repeated equal Content-Length values are one length",
        input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3 , 3\r\nContent-Length: 003\r\n\r\nabc",
        events: [
            head {
                $0.method = .post
                $0.fields = ["Host: a", "Content-Length: 3 , 3", "Content-Length: 003"]
                $0.framing = .contentLength(3)
            },
            .body("abc"), .end,
        ]),
    ValidCase(
        name: "Transfer-Encoding chunked in any case",
        input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:  ChUnKeD \r\n\r\n0\r\n\r\n",
        events: [
            head {
                $0.method = .post
                $0.fields = ["Host: a", "Transfer-Encoding: ChUnKeD"]
                $0.framing = .chunked
            },
            .end,
        ]),
    ValidCase(
        name: "Content-Length: 0 has no body events",
        input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
        events: [
            head {
                $0.method = .post
                $0.fields = ["Host: a", "Content-Length: 0"]
                $0.framing = .contentLength(0)
            },
            .end,
        ]),
    ValidCase(
        name: "an absolute-form target",
        input: "GET http://example.com:80/x?y HTTP/1.1\r\nHost: example.com\r\n\r\n",
        events: [
            head {
                $0.target = "http://example.com:80/x?y"
                $0.form = .absolute
                $0.fields = ["Host: example.com"]
                $0.host = "example.com"
            },
            .end,
        ]),
    ValidCase(
        name: "CONNECT with an authority-form target",
        input: "CONNECT [::1]:443 HTTP/1.1\r\nHost: [::1]:443\r\n\r\n",
        events: [
            head {
                $0.method = .connect
                $0.target = "[::1]:443"
                $0.form = .authority
                $0.fields = ["Host: [::1]:443"]
                $0.host = "[::1]:443"
            },
            .end,
        ]),
    ValidCase(
        name: "OPTIONS with the asterisk form",
        input: "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
        events: [head { $0.method = .options; $0.target = "*"; $0.form = .asterisk }, .end]),
    ValidCase(
        name: "an unregistered method is kept as sent",
        input: "PURGE /x HTTP/1.1\r\nHost: a\r\n\r\n",
        events: [head { $0.method = .other("PURGE"); $0.target = "/x" }, .end]),
    ValidCase(
        name: "an empty Host value",
        input: "GET / HTTP/1.1\r\nHost:\r\n\r\n",
        events: [head { $0.fields = ["Host: "]; $0.host = "" }, .end]),
    ValidCase(
        name: "a 200 kB body is streamed",
        input: "POST /big HTTP/1.1\r\nHost: a\r\nContent-Length: 200000\r\n\r\n" + bigBody,
        events: [
            head {
                $0.method = .post
                $0.target = "/big"
                $0.fields = ["Host: a", "Content-Length: 200000"]
                $0.framing = .contentLength(200_000)
            },
            .body(bigBody), .end,
        ]),
    ValidCase(
        name: "a 200 kB chunked body is streamed",
        input: "POST /big HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "1e848\r\n" + String(bigBody.prefix(125_000)) + "\r\n"
            + "124f8\r\n" + String(bigBody.dropFirst(125_000)) + "\r\n0\r\n\r\n",
        events: [
            head {
                $0.method = .post
                $0.target = "/big"
                $0.fields = ["Host: a", "Transfer-Encoding: chunked"]
                $0.framing = .chunked
            },
            .body(bigBody), .end,
        ]),
    ValidCase(
        name: "a bad request after a good one fails only the second",
        input: "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\nX: 1\n\r\n",
        events: [head(), .end, .error(400, "bare_lf")]),
]

@Suite("Valid requests")
struct ValidRequestTests {
    @Test("produces the expected events however the input is split", arguments: validCases)
    func producesExpectedEvents(_ valid: ValidCase) {
        let seen = parseEveryWay(bytes(valid.input))
        #expect(seen.map(Event.init) == valid.events)
    }
}
