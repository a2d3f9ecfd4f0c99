import Config
import Testing
import TokenCore

@Suite struct SecretResolutionTests {
    static let canary = "canary-2d7e-resolved-secret"

    struct ReadFailure: Error, CustomStringConvertible {
        var description: String { "No such file or directory" }
    }

    /// The value of credential `api` in a file whose `value` is `value`.
    func reference(_ value: String) throws -> SecretReference {
        let text = configuration(credentialSource: #"source: "static", value: "# + value)
        let credential = try #require(parsed(text)?.configuration.credentials.first)
        return try #require(credential.source.secretReferences.first)
    }

    func revealed(_ secret: Secret) -> String {
        secret.withRevealedBytes { String(decoding: $0, as: UTF8.self) }
    }

    func files(_ contents: [String: [UInt8]]) -> (String) throws -> [UInt8] {
        { path in
            guard let bytes = contents[path] else { throw ReadFailure() }
            return bytes
        }
    }

    @Test func anEnvironmentVariableThatIsSetIsTheSecret() throws {
        let secret = try reference(#"{ env: "BRAVE_API_KEY" }"#)
            .resolve(environment: ["BRAVE_API_KEY": Self.canary], readFile: files([:]))
        #expect(revealed(secret) == Self.canary)
    }

    @Test func anUnsetEnvironmentVariableIsNamedWithTheKeyPath() throws {
        let reference = try reference(#"{ env: "BRAVE_API_KEY" }"#)
        #expect(
            throws: ConfigurationError(
                at: ConfigurationPath([.key("credentials"), .key("api"), .key("value"), .key("env")]),
                #"environment variable "BRAVE_API_KEY" is not set"#)
        ) {
            try reference.resolve(environment: ["OTHER": Self.canary], readFile: files([:]))
        }
        do {
            _ = try reference.resolve(environment: [:], readFile: files([:]))
        } catch {
            #expect("\(error)" == #"credentials.api.value.env: environment variable "BRAVE_API_KEY" is not set"#)
        }
    }

    @Test func anEmptyOrMultilineEnvironmentVariableIsAnErrorThatDoesNotShowIt() throws {
        let reference = try reference(#"{ env: "K" }"#)
        #expect(throws: ConfigurationError.self) { try reference.resolve(environment: ["K": ""], readFile: files([:])) }
        do {
            _ = try reference.resolve(environment: ["K": Self.canary + "\n" + Self.canary], readFile: files([:]))
            Issue.record("a value with a line break was accepted")
        } catch {
            #expect(error.message == #"environment variable "K" must not contain control characters or line breaks"#)
            #expect(!"\(error)".contains("canary"))
        }
    }

    @Test func aFileLosesOneTrailingLineEnd() throws {
        let reference = try reference(#"{ file: "/run/secrets/api" }"#)
        let cases: [(String, String)] = [
            (Self.canary + "\n", Self.canary), (Self.canary + "\r\n", Self.canary), (Self.canary, Self.canary),
        ]
        for (contents, expected) in cases {
            let secret = try reference.resolve(
                environment: [:], readFile: files(["/run/secrets/api": Array(contents.utf8)]))
            #expect(revealed(secret) == expected)
        }
        #expect(throws: ConfigurationError.self) {
            try reference.resolve(
                environment: [:], readFile: files(["/run/secrets/api": Array((Self.canary + "\n\n").utf8)]))
        }
    }

    @Test func anUnreadableOrEmptyFileIsNamedWithTheKeyPath() throws {
        let reference = try reference(#"{ file: "/run/secrets/api" }"#)
        do {
            _ = try reference.resolve(environment: [:], readFile: files([:]))
            Issue.record("a missing file was accepted")
        } catch {
            #expect(
                "\(error)"
                    == #"credentials.api.value.file: cannot read file "/run/secrets/api": No such file or directory"#)
        }
        do {
            _ = try reference.resolve(environment: [:], readFile: files(["/run/secrets/api": Array("\n".utf8)]))
            Issue.record("an empty file was accepted")
        } catch {
            #expect("\(error)" == #"credentials.api.value.file: file "/run/secrets/api" is empty"#)
        }
    }

    @Test func aSystemdCredentialIsReadFromTheCredentialsDirectory() throws {
        let reference = try reference(#"{ systemd: "api.token" }"#)
        let secret = try reference.resolve(
            environment: ["CREDENTIALS_DIRECTORY": "/run/credentials/bearerd.service"],
            readFile: files(["/run/credentials/bearerd.service/api.token": Array((Self.canary + "\n").utf8)]))
        #expect(revealed(secret) == Self.canary)
    }

    @Test func aSystemdCredentialWithoutTheCredentialsDirectoryIsAnError() throws {
        let reference = try reference(#"{ systemd: "api.token" }"#)
        for environment in [[:], ["CREDENTIALS_DIRECTORY": ""]] {
            do {
                _ = try reference.resolve(environment: environment, readFile: files([:]))
                Issue.record("resolved without $CREDENTIALS_DIRECTORY")
            } catch {
                #expect(
                    "\(error)"
                        == "credentials.api.value.systemd: $CREDENTIALS_DIRECTORY is not set "
                        + "(systemd sets it for a unit with LoadCredential= or SetCredential=)"
                )
            }
        }
        do {
            _ = try reference.resolve(environment: ["CREDENTIALS_DIRECTORY": "/run/c/"], readFile: files([:]))
        } catch {
            #expect(
                "\(error)"
                    == #"credentials.api.value.systemd: cannot read systemd credential "api.token" "#
                    + "in $CREDENTIALS_DIRECTORY: No such file or directory"
            )
        }
    }

    @Test func aLiteralResolvesToItselfWithoutReadingAnything() throws {
        let reference = try reference("\"\(Self.canary)\"")
        let secret = try reference.resolve(environment: [:]) { _ in
            Issue.record("a literal read a file")
            return []
        }
        #expect(revealed(secret) == Self.canary)
        #expect(reference.description == "inline literal (27 bytes)")
        #expect(!"\(reference)".contains("canary") && !String(reflecting: reference).contains("canary"))
    }

    @Test func noResolutionErrorShowsTheSecret() throws {
        let canaryBytes = Array((Self.canary + "\u{7}").utf8)
        let references = [
            try reference(#"{ env: "K" }"#), try reference(#"{ file: "/k" }"#), try reference(#"{ systemd: "k" }"#),
        ]
        for reference in references {
            do {
                _ = try reference.resolve(
                    environment: ["K": Self.canary + "\u{7}", "CREDENTIALS_DIRECTORY": "/d"],
                    readFile: files(["/k": canaryBytes, "/d/k": canaryBytes]))
                Issue.record("a secret with a control character was accepted")
            } catch {
                #expect(!"\(error)".contains("canary"))
                #expect(error.message.hasSuffix("must not contain control characters or line breaks"))
            }
        }
    }
}
