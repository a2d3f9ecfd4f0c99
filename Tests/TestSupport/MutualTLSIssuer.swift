import FoundationEssentials

/// A token endpoint on 127.0.0.1 over HTTPS that requires a client certificate signed by the
/// `TestCertificates` CA: a standard-library Python 3 script run as a child process. Each POST is
/// answered `{"access_token": "mtls-<client CN>", "token_type": "Bearer", "expires_in": 3600}` and
/// reported on the script's stdout with its body; a handshake without a valid certificate is
/// reported as an error.
///
/// `clientCertificate()` makes a client certificate (once per process) for the tests to configure.
package final class MutualTLSIssuer: Sendable {
    package let port: UInt16
    package let certificates: TestCertificates
    private let process: ChildProcess

    package init(timeout: Duration = .seconds(10)) throws {
        certificates = try TestCertificates.shared()
        let script = try mutualTLSScript.get()
        (process, port) = try PythonPeer.start(
            script: script,
            arguments: [certificates.serverCertificate, certificates.serverKey, certificates.caCertificate],
            timeout: timeout, name: "mutual TLS issuer")
    }

    deinit {
        process.kill()
    }

    /// `https://127.0.0.1:<port>/token`.
    package var url: String { "https://127.0.0.1:\(port)/token" }

    /// Waits until `count` token requests were answered; returns their bodies.
    @discardableResult
    package func waitForRequests(_ count: Int, timeout: Duration = .seconds(5)) throws -> [String] {
        try process.waitForLines(in: .stdout, count: count, timeout: timeout) { $0.hasPrefix("REQUEST ") }
            .map { String($0.dropFirst(8)) }
    }

    /// Waits until `count` handshakes or requests failed; returns the script's reasons.
    @discardableResult
    package func waitForErrors(_ count: Int, timeout: Duration = .seconds(5)) throws -> [String] {
        try process.waitForLines(in: .stdout, count: count, timeout: timeout) { $0.hasPrefix("ERROR ") }
    }

    /// A client certificate (`CN=agent-client`, clientAuth) and its key, signed by the test CA.
    package static func clientCertificate() throws -> (certificate: String, key: String) {
        try sharedClientCertificate.get()
    }

    fileprivate static let script = #"""
        """Mutual TLS token endpoint for bearerd's tests (written out by MutualTLSIssuer).

        Usage: mtls_issuer.py CERT KEY CLIENT_CA. Prints "PORT <n>", then "REQUEST <body>" per answered
        request and "ERROR <reason>" per failed handshake, each flushed.
        """
        import http.server
        import json
        import ssl
        import sys
        import threading

        LOCK = threading.Lock()


        def emit(line):
            with LOCK:
                sys.stdout.write(line + "\n")
                sys.stdout.flush()


        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self):
                try:
                    self.request.do_handshake()
                except (ssl.SSLError, OSError) as error:
                    emit("ERROR handshake: %s" % error)
                    raise
                super().setup()

            def log_message(self, format, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                subject = dict(item[0] for item in self.request.getpeercert()["subject"])
                emit("REQUEST " + body.decode("utf-8", "replace"))
                answer = json.dumps({
                    "access_token": "mtls-" + subject.get("commonName", "unknown"),
                    "token_type": "Bearer",
                    "expires_in": 3600,
                }).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)


        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass


        def main():
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(sys.argv[1], sys.argv[2])
            context.load_verify_locations(sys.argv[3])
            context.verify_mode = ssl.CERT_REQUIRED
            server = Server(("127.0.0.1", 0), Handler)
            server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
            emit("PORT %d" % server.server_address[1])
            server.serve_forever()


        main()
        """#
}

/// The script, written once per test process next to the certificates.
private let mutualTLSScript = Result {
    let path = try TestCertificates.shared().directory + "/mtls_issuer.py"
    try Data(MutualTLSIssuer.script.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// Made once per process: an EC key and a certificate for clientAuth, signed by the test CA.
private let sharedClientCertificate = Result { () throws -> (certificate: String, key: String) in
    let certificates = try TestCertificates.shared()
    let directory = certificates.directory
    let config = "\(directory)/client.cnf"
    try Data(
        """
        [req]
        distinguished_name = dn
        prompt = no
        [dn]
        CN = unused
        [client]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature
        extendedKeyUsage = clientAuth

        """.utf8
    ).write(to: URL(fileURLWithPath: config))
    let (certificate, key, request) = ("\(directory)/client.pem", "\(directory)/client.key", "\(directory)/client.csr")
    let environment = ChildProcess.defaultEnvironment(adding: ["OPENSSL_CONF": config])
    for arguments in [
        [
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-config", config,
            "-keyout", key, "-out", request, "-subj", "/CN=agent-client",
        ],
        [
            "x509", "-req", "-in", request, "-CA", certificates.caCertificate, "-CAkey", certificates.caKey,
            "-set_serial", "3", "-days", "3", "-out", certificate, "-extfile", config, "-extensions", "client",
        ],
    ] {
        let result = try ChildProcess.run("openssl", arguments: arguments, environment: environment)
        guard result.status == .exited(0) else {
            throw TestSupportError(.process, "openssl \(arguments[0]) failed (\(result.status)): \(result.stderr)")
        }
    }
    return (certificate, key)
}
