import TestSupport
import Testing

/// `clientCertificate` and `caFile` against an issuer that requires mutual TLS.
@Suite struct OAuth2MutualTLSTests {
    @Test func aClientCertificateAuthenticatesAloneToAnIssuerTrustedThroughCaFile() throws {
        let issuer = try MutualTLSIssuer()
        let client = try MutualTLSIssuer.clientCertificate()
        let proxy = try CredentialProxy(
            credential: """
                source: "oauth2", tokenUrl: "\(issuer.url)", clientId: "agent", scopes: ["read"],
                clientCertificate: \(json5(client.certificate)), clientKey: \(json5(client.key)),
                caFile: \(json5(issuer.certificates.caCertificate))
                """)

        #expect(try proxy.injected() == "Bearer mtls-agent-client")
        #expect(try issuer.waitForRequests(1) == ["grant_type=client_credentials&scope=read&client_id=agent"])
    }

    @Test func withoutTheClientCertificateTheHandshakeFailsAndSaysSo() throws {
        let issuer = try MutualTLSIssuer()
        let proxy = try CredentialProxy(
            credential: """
                source: "oauth2", tokenUrl: "\(issuer.url)", clientId: "agent", clientSecret: { env: "S" },
                caFile: \(json5(issuer.certificates.caCertificate))
                """,
            environment: ["S": "canary-mtls-secret"])

        let message = try proxy.unavailable()
        #expect(message.hasPrefix(#"credential "api" has no valid token: issuer "#), "\(message)")
        // libcurl's words depend on when the alert arrives (TLS failure, or connection failed).
        #expect(try issuer.waitForErrors(1)[0].contains("PEER_DID_NOT_RETURN_A_CERTIFICATE"))
        proxy.expectNeverPrinted(["canary-mtls-secret"])
    }
}
