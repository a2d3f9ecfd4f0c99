import Config
import Testing
import TokenCore

@Suite struct CredentialValidationTests {
    @Test func allCommonFieldsAreRead() throws {
        let text = configuration(credentialExtra: #", type: "Token", ttl: 90, refreshAt: 0.5"#)
        let credential = try #require(parsed(text)?.configuration.credentials.first)
        #expect(credential.type == "Token")
        #expect(credential.ttl == .seconds(90))
        #expect(credential.refreshAt == 0.5)
    }

    @Test func anUnknownSourceListsTheKnownOnes() {
        #expect(
            pathsAndMessages(configuration(credentialSource: #"source: "statc", value: "x""#)) == [
                #"credentials.api.source: unknown source "statc"; did you mean "static"? "#
                    + "(expected one of static, file, http, oauth2, exec)"
            ])
        #expect(
            pathsAndMessages(configuration(credentialSource: #"source: "vault", address: "x""#)) == [
                #"credentials.api.source: unknown source "vault" (expected one of static, file, http, oauth2, exec)"#
            ])
    }

    @Test func eachSourceRequiresItsOwnKeys() {
        #expect(
            pathsAndMessages(configuration(credentialSource: #"source: "static""#)) == [
                "credentials.api.value: required key missing"
            ])
        #expect(
            pathsAndMessages(configuration(credentialSource: #"source: "file""#)) == [
                "credentials.api.path: required key missing"
            ])
        #expect(
            pathsAndMessages(configuration(credentialSource: #"value: "x""#)) == [
                "credentials.api.source: required key missing"
            ])
        #expect(
            pathsAndMessages(configuration(credentialSource: #"source: "file", path: "tokens/api""#)) == [
                "credentials.api.path: expected an absolute path"
            ])
    }

    @Test(arguments: [
        ("refreshAt: 0.05", "credentials.api.refreshAt: must be between 0.1 and 0.95"),
        ("refreshAt: 0.96", "credentials.api.refreshAt: must be between 0.1 and 0.95"),
        ("refreshAt: NaN", "credentials.api.refreshAt: must be between 0.1 and 0.95"),
        ("refreshAt: '80%'", "credentials.api.refreshAt: expected a number"),
        ("ttl: 0", "credentials.api.ttl: must be a positive duration"),
        (
            "ttl: '-5s'",
            #"credentials.api.ttl: expected a duration like "10s", "250ms" or "1m30s", or a number of seconds"#
        ),
        (
            "type: 'Bearer token'",
            #"credentials.api.type: expected a token scheme like "Bearer" (letters, digits, !#$%&'*+-.^_`|~)"#
        ),
        (
            "type: ''",
            #"credentials.api.type: expected a token scheme like "Bearer" (letters, digits, !#$%&'*+-.^_`|~)"#
        ),
    ])
    func aBadCommonFieldIsRefused(field: String, expected: String) {
        #expect(pathsAndMessages(configuration(credentialExtra: ", " + field)) == [expected])
    }

    @Test func theBoundsOfRefreshAtAreAllowed() throws {
        #expect(
            try #require(parsed(configuration(credentialExtra: ", refreshAt: 0.1"))).configuration.credentials[0]
                .refreshAt == 0.1)
        #expect(
            try #require(parsed(configuration(credentialExtra: ", refreshAt: 0.95"))).configuration.credentials[0]
                .refreshAt == 0.95)
    }

    @Test func aCredentialNameOutsideTheAllowedCharactersIsRefused() throws {
        let text =
            #"{ credentials: { "a b": { source: "file", path: "/x" }, "#
            + #""ok.name_1-2": { source: "file", path: "/y" } } }"#
        #expect(
            pathsAndMessages(text) == [
                #"credentials["a b"]: a credential name may contain only letters, digits, '_', '.' and '-'"#
            ])
    }

    @Test func secretReferencesOfEveryKindAreRead() throws {
        let text = """
            {
              credentials: {
                a: { source: "static", value: { env: "A_1" } },
                b: { source: "static", value: { file: "/run/secrets/b" } },
                c: { source: "static", value: { systemd: "c.token" } },
              },
            }
            """
        let credentials = try #require(parsed(text)).configuration.credentials
        #expect(
            credentials.map(\.source.secretReferences.first?.origin) == [
                .environment("A_1"), .file("/run/secrets/b"), .systemd("c.token"),
            ])
        #expect(
            credentials.map(\.source.summary) == [
                "static, value from env A_1", "static, value from file /run/secrets/b",
                "static, value from systemd credential c.token",
            ])
    }

    @Test(arguments: [
        (#"{ env: "A", file: "/b" }"#, "credentials.api.value: expected only one of env, file or systemd"),
        ("{}", "credentials.api.value: expected one key: env, file or systemd"),
        (#"{ evn: "A" }"#, #"credentials.api.value.evn: unknown key; did you mean "env"?"#),
        (
            #"{ env: "1ABC" }"#,
            "credentials.api.value.env: expected an environment variable name (letters, digits and _)"
        ),
        (
            #"{ env: "A-B" }"#,
            "credentials.api.value.env: expected an environment variable name (letters, digits and _)"
        ),
        (#"{ file: "relative" }"#, "credentials.api.value.file: expected an absolute path"),
        (
            #"{ systemd: "a/b" }"#,
            #"credentials.api.value.systemd: expected a systemd credential name (a file name, no "/")"#
        ),
        (
            #"{ systemd: ".." }"#,
            #"credentials.api.value.systemd: expected a systemd credential name (a file name, no "/")"#
        ),
        (#"{ env: 5 }"#, "credentials.api.value.env: expected a string"),
        ("5", #"credentials.api.value: expected { env: "NAME" }, { file: "/path" }, { systemd: "NAME" } or a string"#),
        (#""""#, "credentials.api.value: must not be empty"),
        (#""abc\ndef""#, "credentials.api.value: must not contain control characters or line breaks"),
    ])
    func aBadSecretReferenceIsRefused(value: String, expected: String) {
        #expect(pathsAndMessages(configuration(credentialSource: #"source: "static", value: "# + value)) == [expected])
    }

    @Test func anInlineLiteralIsAllowedWithAWarningAndNeverShown() throws {
        let canary = "canary-7f3a9c-literal"
        let result = try #require(parsed(configuration(credentialSource: #"source: "static", value: "\#(canary)""#)))
        #expect(
            result.warnings.map { "\($0.path): \($0.message)" } == [
                "credentials.api.value: inline secret literal; use { env }, { file } or { systemd }"
            ])
        let credential = try #require(result.configuration.credentials.first)
        let shown = [
            "\(result.configuration)", "\(credential)", String(reflecting: credential), "\(result.warnings)",
            result.configuration.summaryLines().joined(),
        ]
        for text in shown {
            #expect(!text.contains(canary))
        }
        #expect(credential.source.summary == "static, value inline literal (21 bytes)")
    }

    @Test func aLiteralWithBadBytesIsRefusedWithoutQuotingIt() {
        let canary = "canary-5e1d\\u0007"
        let errors = problems(configuration(credentialSource: #"source: "static", value: "\#(canary)""#))
        #expect(errors.map(\.message) == ["must not contain control characters or line breaks"])
        #expect(!"\(ConfigurationErrors(errors))".contains("canary"))
    }

    @Test func anUnquotedSecretIsNotQuotedInTheSyntaxError() {
        let errors = problems(configuration(credentialSource: #"source: "static", value: canary_3b8e"#))
        #expect(errors.map(\.message) == ["expected a value (strings need quotes)"])
        #expect(!"\(ConfigurationErrors(errors))".contains("canary"))
    }

    @Test func literalsCompareByTheirBytes() {
        let path = ConfigurationPath([.key("v")])
        #expect(SecretReference(.literal(Secret("a")), at: path) == SecretReference(.literal(Secret("a")), at: path))
        #expect(SecretReference(.literal(Secret("a")), at: path) != SecretReference(.literal(Secret("b")), at: path))
        #expect(SecretReference(.environment("A"), at: path) != SecretReference(.file("A"), at: path))
    }
}
