import FoundationEssentials

/// An HTTPS upstream on 127.0.0.1 with the `TestCertificates` server certificate: a small Python 3
/// script (standard library `http.server` and `ssl`) run as a child process. HTTP/1.1 with
/// keep-alive; every request is answered with an `EchoReply` JSON (`"scheme": "https"`), and a path
/// `/status/<code>...` sets the status. Requests and connections are reported back on the script's
/// stdout, so the test sees what arrived.
///
/// ```
/// let upstream = try HTTPSUpstream()
/// // route to upstream.baseURL with ca_file = try TestCertificates.shared().caCertificate
/// let seen = try upstream.waitForRequests(1)
/// ```
/// Killed and reaped when deinitialised or on `stop()`.
package final class HTTPSUpstream: Sendable {
    package let port: UInt16
    package let certificates: TestCertificates
    private let process: ChildProcess

    package init(timeout: Duration = .seconds(10)) throws {
        certificates = try TestCertificates.shared()
        let script = try sharedScript.get()
        (process, port) = try PythonPeer.start(
            script: script, arguments: [certificates.serverCertificate, certificates.serverKey], timeout: timeout,
            name: "HTTPS upstream")
    }

    deinit {
        process.kill()
    }

    /// `127.0.0.1:<port>`.
    package var address: String { "127.0.0.1:\(port)" }
    /// `https://127.0.0.1:<port>`.
    package var baseURL: String { "https://127.0.0.1:\(port)" }

    /// The requests answered so far, as the echo bodies describe them.
    package var requests: [EchoReply] {
        get throws { try reports("REQUEST ").map { try EchoReply(json: Array($0.utf8)) } }
    }

    /// TLS connections whose handshake succeeded.
    package var connectionsAccepted: Int { reports("CONNECTION ").count }

    /// Failed handshakes and broken requests, as the script reported them.
    package var errors: [String] { reports("ERROR ") }

    /// Waits until at least `count` requests were answered; returns them.
    @discardableResult
    package func waitForRequests(_ count: Int, timeout: Duration = .seconds(5)) throws -> [EchoReply] {
        try process.waitForLines(in: .stdout, count: count, timeout: timeout) { $0.hasPrefix("REQUEST ") }
            .map { try EchoReply(json: Array($0.dropFirst(8).utf8)) }
    }

    /// Waits until the script reported at least `count` errors (a rejected handshake); returns them.
    @discardableResult
    package func waitForErrors(_ count: Int, timeout: Duration = .seconds(5)) throws -> [String] {
        try process.waitForLines(in: .stdout, count: count, timeout: timeout) { $0.hasPrefix("ERROR ") }
    }

    package func stop() {
        process.kill()
    }

    private func reports(_ prefix: String) -> [String] {
        process.stdout.split(separator: "\n").filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}

/// The script, written once per test process next to the certificates.
private let sharedScript = Result {
    let path = try TestCertificates.shared().directory + "/https_echo.py"
    try Data(HTTPSUpstream.script.utf8).write(to: URL(fileURLWithPath: path))
    return path
}
