import TestSupport
import Testing

/// deploy/bearerd.json5 is what an administrator starts from: `bearerd check` must accept it as it
/// will run under systemd, with its secrets in $CREDENTIALS_DIRECTORY (LoadCredential=).
@Suite("deploy/bearerd.json5")
struct DeployedConfigurationTests {
    static let path = "\(packageRoot)/deploy/bearerd.json5"
    static let credentials = ["anthropic", "openai", "brave"]

    @Test("bearerd check accepts the example with its systemd credentials in place, without warnings")
    func checkPasses() throws {
        let directory = try credentialsDirectory()
        let result = try check(Self.path, environment: ["CREDENTIALS_DIRECTORY": directory.path])
        #expect(result.status == .exited(0), "\(result.stderr)")
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.last == "\(Self.path): valid")
        #expect(lines.contains { $0.hasPrefix("route /anthropic/ -> https://api.anthropic.com/") })
        #expect(lines.contains { $0.hasPrefix("route /openai/ -> https://api.openai.com/v1/") })
        #expect(lines.contains { $0.hasPrefix("route /brave/ -> https://api.search.brave.com/res/v1/") })
        #expect(!result.stdout.contains("dummy-"))
    }

    @Test("Outside the service check passes and names each systemd credential it could not read")
    func checkOutsideTheService() throws {
        let result = try check(Self.path)
        #expect(result.status == .exited(0), "\(result.stderr)")
        for name in Self.credentials {
            #expect(result.stderr.contains(
                "note: credentials.\(name).value.systemd: systemd credential \"\(name)\" not checked"))
        }
    }

    @Test("With CREDENTIALS_DIRECTORY set, a missing credential file is an error")
    func checkNamesMissingCredentialFiles() throws {
        let empty = try TemporaryDirectory(prefix: "bearerd-credentials")
        let result = try check(Self.path, environment: ["CREDENTIALS_DIRECTORY": empty.path])
        #expect(result.status == .exited(1))
        for name in Self.credentials {
            #expect(result.stderr.contains("credentials.\(name).value.systemd: cannot read systemd credential"))
        }
    }

    @Test("The commented credential examples are valid once uncommented")
    func commentedExamplesAreValid() throws {
        let text = try readText(Self.path)
        var uncommented = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            // `    // name: { source: "...", ... },` on one line
            guard let range = line.firstRange(of: "// "), line[..<range.lowerBound].allSatisfy({ $0 == " " }),
                line[range.upperBound...].contains(": { source: \""), line.hasSuffix("},")
            else { return String(line) }
            uncommented += 1
            return String(line[..<range.lowerBound] + line[range.upperBound...])
        }
        #expect(uncommented == 5)
        let directory = try credentialsDirectory()
        let file = try directory.write("uncommented.json5", lines.joined(separator: "\n"))
        let result = try check(
            file,
            environment: [
                "CREDENTIALS_DIRECTORY": directory.path, "EXAMPLE_TOKEN": "dummy-example",
                "CORP_CLIENT_SECRET": "dummy-corp", "LICENSE_KEY": "dummy-license",
            ])
        #expect(result.status == .exited(0), "\(result.stderr)")
        for name in ["example", "internal", "corp", "license", "cli"] {
            #expect(result.stdout.contains("credential \(name) "), "\(name)")
        }
    }

    private func credentialsDirectory() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "bearerd-credentials")
        for name in Self.credentials { try directory.write(name, "dummy-\(name)\n") }
        return directory
    }

    private func check(_ path: String, environment: [String: String] = [:]) throws -> ChildResult {
        try ChildProcess.run(
            try BearerdProcess.binaryPath(), arguments: ["check", "--config", path],
            environment: ChildProcess.defaultEnvironment(adding: environment))
    }
}
