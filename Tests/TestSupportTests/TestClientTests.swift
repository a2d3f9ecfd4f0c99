import TestSupport
import Testing

@Suite("TestClient")
struct TestClientTests {
    @Test("A chunked response is reported chunk by chunk, extensions and trailers included")
    func chunkedResponse() throws {
        let upstream = try RawUpstream([
            .write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"),
            .write("3;name=value\r\nabc\r\n1\r\nd\r\n0\r\nX-Trailer: t\r\n\r\n"),
        ])
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/")
        let response = try client.readResponse()

        #expect(response.framing == .chunked)
        #expect(
            response.chunks == [
                ReceivedChunk(size: 3, extensions: ";name=value", data: Array("abc".utf8)),
                ReceivedChunk("d"),
            ])
        #expect(response.bodyText == "abcd")
        #expect(response.trailers == [HeaderField("X-Trailer", "t")])
    }

    @Test("A body without length is read until the server closes")
    func closeDelimitedResponse() throws {
        let upstream = try RawUpstream([.write("HTTP/1.1 200 OK\r\n\r\nuntil the end"), .close])
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/")
        let response = try client.readResponse()

        #expect(response.framing == .closeDelimited)
        #expect(response.bodyText == "until the end")
    }

    @Test("204 and 304 responses have no body, whatever their headers say", arguments: [204, 304])
    func responsesWithoutBody(status: Int) throws {
        let upstream = try RawUpstream([.write("HTTP/1.1 \(status) X\r\nContent-Length: 3\r\n\r\n")])
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/")
        let response = try client.readResponse()

        #expect(response.status == status)
        #expect(response.framing == .none)
    }

    @Test("A body cut short by the server is reported as closed, not as a timeout")
    func truncatedBody() throws {
        let upstream = try RawUpstream([.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"), .close])
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/")

        let error = #expect(throws: TestSupportError.self) { try client.readResponse() }
        #expect(error?.kind == .closed)
    }

    @Test("Waiting for the close fails with a timeout while the server keeps the connection open")
    func closeTimeout() throws {
        let upstream = try TestUpstream()
        let client = try TestClient(port: upstream.port)
        #expect(try client.get("/").status == 200)

        let error = #expect(throws: TestSupportError.self) { try client.waitForClose(timeout: .milliseconds(100)) }
        #expect(error?.kind == .timeout)
    }

    @Test("A response that does not come fails with a timeout naming what was received")
    func responseTimeout() throws {
        let upstream = try RawUpstream([.write("HTTP/1.1 200 OK\r\nContent-Le")])
        let client = try TestClient(port: upstream.port)
        try client.sendRequest("GET", "/")

        let error = #expect(throws: TestSupportError.self) { try client.readResponse(timeout: .milliseconds(200)) }
        #expect(error?.kind == .timeout)
        #expect(error?.message.contains("Content-Le") == true)
    }

    @Test("A client over a Unix socket sends Host: localhost")
    func unixSocket() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("server.sock")
        let server = try ChildProcess(
            "python3",
            arguments: [
                "-c",
                """
                import socket, sys
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.bind(sys.argv[1]); s.listen(1)
                print("listening", flush=True)
                c, _ = s.accept()
                head = b""
                while b"\\r\\n\\r\\n" not in head: head += c.recv(4096)
                c.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Length: %d\\r\\n\\r\\n" % len(head) + head)
                """,
                path,
            ],
            environment: ChildProcess.defaultEnvironment()
        )
        try server.waitForLine(in: .stdout) { $0 == "listening" }
        let client = try TestClient(.unix(path: path))
        let response = try client.get("/over/unix")

        #expect(response.bodyText == "GET /over/unix HTTP/1.1\r\nHost: localhost\r\n\r\n")
    }
}
