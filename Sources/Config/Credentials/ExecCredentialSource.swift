/// `source: "exec"`: a command that prints a token, run without a shell.
///
/// ```
/// { source: "exec", command: ["/usr/local/bin/get-token", "--audience", "api"],
///   environment: { HOME: { env: "HOME" }, PROFILE: "agents" }, timeout: "20s" }
/// ```
/// The command gets a minimal environment, `PATH=/usr/local/bin:/usr/bin:/bin` and the variables of
/// `environment` (which may replace PATH), and nothing of bearerd's own. Its standard output is read by
/// `TokenCore.ExecOutput.parse`: a bare token, JSON `{ token, expiresAt | expiresIn }`, or a Kubernetes
/// `ExecCredential`.
package struct ExecCredentialSource: Equatable, Sendable, CredentialSourceDetails {
    /// The program (an absolute path, or a name looked up in the command's PATH) and its arguments.
    package var command: [String]
    /// The variables of `environment`, in the order written.
    package var environment: [NamedTextValue]
    /// After this the command's whole process group is killed.
    package var timeout: Duration

    package static let defaultTimeout: Duration = .seconds(30)
    package static let defaultPath = "/usr/local/bin:/usr/bin:/bin"

    package init(command: [String], environment: [NamedTextValue] = [], timeout: Duration = defaultTimeout) {
        self.command = command
        self.environment = environment
        self.timeout = timeout
    }

    /// `exec /usr/local/bin/get-token +2 arguments, environment PATH + HOME from env HOME, PROFILE (nothing
    /// else inherited), timeout 20s`. Arguments are counted, not shown.
    var summary: String {
        var parts = [
            "exec \(command.first ?? "")"
                + (command.count > 1 ? " +\(command.count - 1) argument\(command.count == 2 ? "" : "s")" : "")
        ]
        let variables = environment.map(\.summary)
        let path = environment.contains { $0.name == "PATH" } ? [] : ["PATH"]
        parts.append(
            "environment "
                + (path + (variables.isEmpty ? [] : [variables.joined(separator: ", ")])).joined(separator: " + ")
                + " (nothing else inherited)")
        if timeout != Self.defaultTimeout {
            parts.append("timeout \(DurationSyntax.format(timeout))")
        }
        return parts.joined(separator: ", ")
    }

    var secretReferences: [SecretReference] { environment.compactMap(\.value.secretReference) }

    static let kind = CredentialSourceKind(name: "exec", keys: ["command", "environment", "timeout"]) { object in
        let command = object.required("command") { member in
            // The syntax scan refuses NUL in every string: arguments and values need no check of their own.
            let command = try member.strings { $0 }
            try Self.checkProgram(command.first)
            return command
        }
        let environment = object.optional("environment") { member in
            try member.namedTextValues(caseInsensitive: false) { name, _ throws(InvalidValue) in
                try Self.checkVariableName(name)
            }
        }
        let timeout = object.optional("timeout") { try $0.duration() }
        guard let command else { return nil }
        return .exec(Self(command: command, environment: environment ?? [], timeout: timeout ?? defaultTimeout))
    }

    /// An absolute path, or a bare name found through PATH; a relative path would depend on the
    /// daemon's working directory.
    private static func checkProgram(_ program: String?) throws(InvalidValue) {
        guard let program, !program.isEmpty else {
            throw InvalidValue(#"expected the program and its arguments, like ["/usr/local/bin/get-token"]"#)
        }
        guard program.hasPrefix("/") || !program.contains("/") else {
            throw InvalidValue("the program must be an absolute path or a name found in PATH, not a relative path")
        }
    }

    /// POSIX portable names: letters, digits, `_`, not starting with a digit.
    private static func checkVariableName(_ name: String) throws(InvalidValue) {
        let isNameByte = { (byte: UInt8) in
            JSON5Scanner.isDigit(byte) || (JSON5Scanner.isIdentifierStart(byte) && byte != UInt8(ascii: "$"))
        }
        guard let first = name.utf8.first, !JSON5Scanner.isDigit(first), name.utf8.allSatisfy(isNameByte) else {
            throw InvalidValue("expected an environment variable name (letters, digits and _)")
        }
    }
}
