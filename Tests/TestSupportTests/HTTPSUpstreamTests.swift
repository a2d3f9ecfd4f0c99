import TestSupport
import Testing

@Suite("HTTPSUpstream")
struct HTTPSUpstreamTests {
    @Test("curl trusts the HTTPS upstream with the test CA, by IP and by name, on one kept-alive connection")
    func trustedWithTestCA() throws {
        let upstream = try HTTPSUpstream()
        let pki = try TestCertificates.shared()
        let result = try ChildProcess.run(
            "curl",
            arguments: [
                "-sS", "--cacert", pki.caCertificate, "\(upstream.baseURL)/one", "--next", "--cacert",
                pki.caCertificate,
                "-d", "payload", "\(upstream.baseURL)/status/401",
            ])
        #expect(result.status == .exited(0), "\(result.stderr)")

        let requests = try upstream.waitForRequests(2)
        #expect(requests.map(\.target) == ["/one", "/status/401"])
        #expect(requests.map(\.connection) == [1, 1])
        #expect(requests[1].body == "payload" && requests[1].method == "POST")
        #expect(requests[0].header("Host") == upstream.address)

        let byName = try ChildProcess.run(
            "curl",
            arguments: [
                "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", pki.caCertificate,
                "https://localhost:\(upstream.port)/named",
            ])
        #expect(byName.stdout == "200", "\(byName.stderr)")
    }

    @Test("curl refuses the HTTPS upstream with an unrelated CA")
    func refusedWithWrongCA() throws {
        let upstream = try HTTPSUpstream()
        let pki = try TestCertificates.shared()
        let result = try ChildProcess.run(
            "curl", arguments: ["-sS", "--cacert", pki.otherCACertificate, upstream.baseURL])

        #expect(result.status == .exited(60))  // CURLE_PEER_FAILED_VERIFICATION
        #expect(try upstream.waitForErrors(1)[0].contains("unknown ca"))
        #expect(try upstream.requests.isEmpty)
    }

    @Test("The test CA is made once per process")
    func certificatesAreCached() throws {
        #expect(try TestCertificates.shared().directory == TestCertificates.shared().directory)
    }
}
