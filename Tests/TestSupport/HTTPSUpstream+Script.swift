/// The HTTPS echo server run by `HTTPSUpstream`, standard-library Python 3 only.
extension HTTPSUpstream {
    static let script = #"""
        """HTTPS echo upstream for bearerd's tests (written out by HTTPSUpstream; standard library only).

        Usage: https_echo.py CERT KEY. Prints "PORT <n>" once listening on 127.0.0.1 (port 0), then
        "CONNECTION <id>" per accepted connection and "REQUEST <json>" per request, each flushed. Answers
        every method with the echo JSON TestUpstream's echo handler uses; /status/<code>... answers with
        that status. HTTP/1.1 with keep-alive; chunked request bodies are decoded.
        """
        import http.server
        import itertools
        import json
        import ssl
        import sys
        import threading

        LOCK = threading.Lock()
        CONNECTIONS = itertools.count(1)
        BODY_TEXT_LIMIT = 65536


        def emit(line):
            with LOCK:
                sys.stdout.write(line + "\n")
                sys.stdout.flush()


        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self):
                # The handshake runs here, on the connection's thread, so a client that stalls or rejects
                # the certificate does not block the accept loop.
                self.request.do_handshake()
                self.connection_id = next(CONNECTIONS)
                emit("CONNECTION %d" % self.connection_id)
                super().setup()

            def log_message(self, format, *args):
                pass

            def read_body(self):
                if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                    body = b""
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                        if size == 0:
                            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                                pass
                            return body
                        body += self.rfile.read(size)
                        self.rfile.readline()
                return self.rfile.read(int(self.headers.get("Content-Length", "0")))

            def answer(self):
                body = self.read_body()
                echo = {
                    "method": self.command,
                    "target": self.path,
                    "headers": [[name, value] for name, value in self.headers.items()],
                    "bodyLength": len(body),
                    "connection": self.connection_id,
                    "scheme": "https",
                }
                if len(body) <= BODY_TEXT_LIMIT:
                    echo["body"] = body.decode("utf-8", "replace")
                emit("REQUEST " + json.dumps(echo, sort_keys=True))
                status = 200
                parts = self.path.split("/")
                if len(parts) > 2 and parts[1] == "status" and parts[2].isdigit():
                    status = int(parts[2])
                payload = json.dumps(echo, sort_keys=True).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = answer


        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                emit("ERROR %s" % str(sys.exc_info()[1]).replace("\n", " "))


        def main():
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(sys.argv[1], sys.argv[2])
            server = Server(("127.0.0.1", 0), Handler)
            server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
            emit("PORT %d" % server.server_address[1])
            server.serve_forever()


        main()
        """#
}
