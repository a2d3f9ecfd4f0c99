import Config
import Testing

@Suite struct OAuth2SourceConfigTests {
    static let base = #"source: "oauth2", tokenUrl: "https://login.example/oauth2/token", clientId: "agent", "#

    func oauth2Source(_ members: String) -> OAuth2CredentialSource? {
        guard
            let credential = parsed(configuration(credentialSource: Self.base + members))?
                .configuration.credentials.first,
            case .oauth2(let source) = credential.source
        else { return nil }
        return source
    }

    func problemsOf(_ members: String) -> [String] {
        pathsAndMessages(configuration(credentialSource: Self.base + members))
    }

    @Test func everyKeyIsRead() throws {
        let source = try #require(
            oauth2Source(
                """
                clientSecret: { env: "CLIENT_SECRET" }, auth: "post", scopes: ["read:all", "write"],
                audience: "https://api.example/", resource: "urn:example:api",
                parameters: { tenant: "t1", assertion: { file: "/run/assertion" } },
                clientCertificate: "/etc/bearerd/client.pem", clientKey: "/etc/bearerd/client.key",
                caFile: "/etc/ssl/login.pem", proxy: "http://proxy.corp:3128"
                """))
        #expect(source.tokenURL.original == "https://login.example/oauth2/token")
        #expect(source.clientID == .text("agent"))
        #expect(source.clientSecret?.description == "env CLIENT_SECRET")
        #expect(source.authentication == .post)
        #expect(source.scopes == ["read:all", "write"])
        #expect(source.audience == "https://api.example/")
        #expect(source.resource == "urn:example:api")
        #expect(source.parameters.map(\.name) == ["tenant", "assertion"])
        #expect(source.clientCertificate == "/etc/bearerd/client.pem")
        #expect(source.clientKey == "/etc/bearerd/client.key")
        #expect(source.caFile == "/etc/ssl/login.pem")
        #expect(source.proxy?.description == "http://proxy.corp:3128")
        #expect(
            CredentialSource.oauth2(source).secretReferences.map(\.keyPath.description) == [
                "credentials.api.clientSecret", "credentials.api.parameters.assertion",
            ])
    }

    @Test func basicIsTheDefaultClientAuthentication() throws {
        let source = try #require(oauth2Source(#"clientSecret: { env: "S" }"#))
        #expect(source.authentication == .basic)
        #expect(source.scopes.isEmpty)
        #expect(source.parameters.isEmpty)
    }

    @Test func aClientCertificateWithoutASecretAuthenticatesAlone() throws {
        let source = try #require(oauth2Source(#"clientCertificate: "/etc/bearerd/client.pem""#))
        #expect(source.authentication == .certificate)
        #expect(source.clientSecret == nil)
        #expect(source.clientKey == nil)
    }

    @Test func aClientIdMayComeFromTheEnvironment() throws {
        let text = configuration(
            credentialSource: """
                source: "oauth2", tokenUrl: "https://login.example/t", clientId: { env: "CLIENT_ID" },
                clientSecret: { env: "S" }
                """)
        let credential = try #require(parsed(text)?.configuration.credentials.first)
        #expect(credential.source.secretReferences.map(\.description) == ["env CLIENT_ID", "env S"])
    }

    @Test func anInlineClientSecretDrawsAWarningAndIsNeverShown() throws {
        let result = try #require(
            parsed(configuration(credentialSource: Self.base + #"clientSecret: "canary-42-secret""#)))
        #expect(
            result.warnings.map { "\($0.path): \($0.message)" } == [
                "credentials.api.clientSecret: inline secret literal; use { env }, { file } or { systemd }"
            ])
        #expect(!result.configuration.summaryLines().joined().contains("canary-42-secret"))
    }

    @Test func theSummaryNamesTheClientScopesAndWhereTheSecretComesFrom() throws {
        let source = try #require(
            oauth2Source(
                #"clientSecret: { env: "S" }, scopes: ["a", "b"], audience: "api", parameters: { x: "1", y: "2" }, "#
                    + #"clientCertificate: "/c.pem""#))
        #expect(
            CredentialSource.oauth2(source).summary
                == #"oauth2 https://login.example/oauth2/token, client "agent", secret from env S, auth basic, "#
                + #"scopes a b, audience "api", parameters x y, client certificate /c.pem"#)
    }

    @Test(arguments: [
        ("", "credentials.api.clientSecret: required key missing"),
        (
            #"clientSecret: { env: "S" }, auth: "jwt""#,
            #"credentials.api.auth: unknown client authentication "jwt" (expected one of basic, post)"#
        ),
        (
            #"clientSecret: { env: "S" }, auth: "bsic""#,
            #"credentials.api.auth: unknown client authentication "bsic"; did you mean "basic"? (expected one of basic, post)"#
        ),
        (
            #"clientCertificate: "/c.pem", auth: "post""#,
            "credentials.api.auth: basic and post send clientSecret, which is not given"
        ),
        (
            #"clientSecret: { env: "S" }, clientKey: "/k.pem""#,
            "credentials.api.clientKey: a client key needs clientCertificate"
        ),
        (
            #"clientSecret: { env: "S" }, scopes: ["a b"]"#,
            #"credentials.api.scopes[0]: expected a scope: visible ASCII without spaces, '"' or '\'"#
        ),
        (#"clientSecret: { env: "S" }, scopes: "a""#, "credentials.api.scopes: expected an array"),
        (
            #"clientSecret: { env: "S" }, parameters: { scope: "a" }"#,
            #"credentials.api.parameters.scope: "scope" is set by bearerd or by a key of its own"#
        ),
        (#"clientSecret: { env: "S" }, audience: """#, "credentials.api.audience: must not be empty"),
        (
            #"clientSecret: { env: "S" }, clientCertificate: "c.pem""#,
            "credentials.api.clientCertificate: expected an absolute path"
        ),
        (#"clientSecret: { env: "S" }, scope: ["a"]"#, #"credentials.api.scope: unknown key; did you mean "scopes"?"#),
        (
            #"clientSecret: { env: "S" }, tokenURL: "x""#,
            #"credentials.api.tokenURL: unknown key; did you mean "tokenUrl"?"#
        ),
    ])
    func aBadKeyIsRefusedAtItsPath(members: String, expected: String) {
        #expect(problemsOf(members) == [expected])
    }
}
