import FoundationEssentials
import Glibc

/// A test PKI made with the `openssl` CLI at test time, once per test process: a CA, a server
/// certificate for `localhost` and `127.0.0.1` signed by it, and a second, unrelated CA (for "the
/// upstream's certificate is not trusted"). EC P-256 keys, so the whole set takes a few tens of ms.
///
/// ```
/// let pki = try TestCertificates.shared()
/// // curl --cacert \(pki.caCertificate) https://127.0.0.1:<port>/
/// ```
package struct TestCertificates: Sendable {
    /// Where the files live (removed when the test process exits).
    package let directory: String
    package let caCertificate: String
    package let caKey: String
    package let serverCertificate: String
    package let serverKey: String
    /// A CA that signed nothing the servers present.
    package let otherCACertificate: String
    package let otherCAKey: String

    /// The set for this test process, made on first use.
    package static func shared() throws -> TestCertificates {
        try sharedCertificates.get()
    }

    fileprivate static func make() throws -> TestCertificates {
        var template = Array("/tmp/bearerd-pki.XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TestSupportError.system("mkdtemp /tmp/bearerd-pki.XXXXXX")
        }
        let directory = String(cString: made)
        atexit {
            if case .success(let certificates) = sharedCertificates {
                try? FileManager.default.removeItem(atPath: certificates.directory)
            }
        }
        let certificates = TestCertificates(
            directory: directory,
            caCertificate: "\(directory)/ca.pem", caKey: "\(directory)/ca.key",
            serverCertificate: "\(directory)/server.pem", serverKey: "\(directory)/server.key",
            otherCACertificate: "\(directory)/other-ca.pem", otherCAKey: "\(directory)/other-ca.key"
        )
        try certificates.generate()
        return certificates
    }

    private func generate() throws {
        let config = "\(directory)/openssl.cnf"
        try Data(Self.opensslConfig.utf8).write(to: URL(fileURLWithPath: config))
        let newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-config", config]
        try openssl(
            ["req", "-x509", "-new"] + newKey + [
                "-keyout", caKey, "-out", caCertificate, "-days", "3", "-subj", "/CN=bearerd test CA", "-extensions",
                "ca",
            ])
        try openssl(
            ["req", "-x509", "-new"] + newKey + [
                "-keyout", otherCAKey, "-out", otherCACertificate, "-days", "3", "-subj", "/CN=unrelated test CA",
                "-extensions", "ca",
            ])
        let request = "\(directory)/server.csr"
        try openssl(["req", "-new"] + newKey + ["-keyout", serverKey, "-out", request, "-subj", "/CN=localhost"])
        try openssl([
            "x509", "-req", "-in", request, "-CA", caCertificate, "-CAkey", caKey, "-set_serial", "2", "-days", "3",
            "-out", serverCertificate, "-extfile", config, "-extensions", "server",
        ])
    }

    private func openssl(_ arguments: [String]) throws {
        // Our own config only: the system's openssl.cnf must not change what is made.
        let environment = ChildProcess.defaultEnvironment(adding: ["OPENSSL_CONF": "\(directory)/openssl.cnf"])
        let result = try ChildProcess.run("openssl", arguments: arguments, environment: environment)
        guard result.status == .exited(0) else {
            throw TestSupportError(
                .process, "openssl \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
    }

    private static let opensslConfig = """
        [req]
        distinguished_name = dn
        prompt = no
        [dn]
        CN = unused
        [ca]
        basicConstraints = critical, CA:TRUE
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        [server]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature
        extendedKeyUsage = serverAuth
        subjectAltName = DNS:localhost, IP:127.0.0.1
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid

        """
}

/// Made once per process on first use (Swift initialises globals lazily and exactly once).
private let sharedCertificates = Result { try TestCertificates.make() }
