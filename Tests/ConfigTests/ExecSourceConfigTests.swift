import Config
import Testing

@Suite struct ExecSourceConfigTests {
    func execSource(_ members: String) -> ExecCredentialSource? {
        guard
            let credential = parsed(configuration(credentialSource: #"source: "exec", "# + members))?
                .configuration.credentials.first,
            case .exec(let source) = credential.source
        else { return nil }
        return source
    }

    @Test func theCommandItsEnvironmentAndTimeoutAreRead() throws {
        let source = try #require(
            execSource(
                """
                command: ["/usr/local/bin/get-token", "--audience", "api"],
                environment: { HOME: { env: "HOME" }, PROFILE: "agents" }, timeout: "20s"
                """))
        #expect(source.command == ["/usr/local/bin/get-token", "--audience", "api"])
        #expect(source.environment.map(\.name) == ["HOME", "PROFILE"])
        #expect(
            source.environment.map(\.value) == [.secret(source.environment[0].value.secretReference!), .text("agents")])
        #expect(source.timeout == .seconds(20))
        #expect(
            CredentialSource.exec(source).summary
                == "exec /usr/local/bin/get-token +2 arguments, environment PATH + HOME from env HOME, PROFILE "
                + "(nothing else inherited), timeout 20s")
    }

    @Test func aBareNameIsLookedUpInPATHAndTheTimeoutIs30SecondsByDefault() throws {
        let source = try #require(execSource(#"command: ["get-token"]"#))
        #expect(source.command == ["get-token"])
        #expect(source.timeout == .seconds(30))
        #expect(source.environment.isEmpty)
        #expect(
            CredentialSource.exec(source).summary == "exec get-token, environment PATH (nothing else inherited)")
    }

    @Test func aConfiguredPATHReplacesTheDefaultOne() throws {
        let source = try #require(execSource(#"command: ["t"], environment: { PATH: "/opt/bin" }"#))
        #expect(CredentialSource.exec(source).summary == "exec t, environment PATH (nothing else inherited)")
    }

    @Test(arguments: [
        (
            #"command: []"#,
            #"credentials.api.command: expected the program and its arguments, like ["/usr/local/bin/get-token"]"#
        ),
        (#"command: "/bin/get-token""#, "credentials.api.command: expected an array"),
        (
            #"command: ["bin/get-token"]"#,
            "credentials.api.command: the program must be an absolute path or a name found in PATH, not a relative path"
        ),
        (
            #"command: ["/bin/t"], environment: { "1A": "x" }"#,
            "credentials.api.environment.1A: expected an environment variable name (letters, digits and _)"
        ),
        (
            #"command: ["/bin/t"], environment: { A: 1 }"#,
            #"credentials.api.environment.A: expected { env: "NAME" }, { file: "/path" }, { systemd: "NAME" } or a string"#
        ),
        (#"command: ["/bin/t"], timeout: 0"#, "credentials.api.timeout: must be a positive duration"),
        (#"command: ["/bin/t"], comand: ["x"]"#, #"credentials.api.comand: unknown key; did you mean "command"?"#),
        (#"command: ["/bin/t"], env: { A: "x" }"#, "credentials.api.env: unknown key"),
        ("", "credentials.api.command: required key missing"),
    ])
    func aBadKeyIsRefusedAtItsPath(members: String, expected: String) {
        #expect(pathsAndMessages(configuration(credentialSource: #"source: "exec", "# + members)) == [expected])
    }
}
