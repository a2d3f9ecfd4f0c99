import Config
import EventLoop
import TokenCore

extension ExecTokenSource {
    /// The source for `source: "exec"`: the environment is PATH (the default one unless configured)
    /// and the configured variables, their secret references read now.
    static func exec(
        _ source: ExecCredentialSource, loop: EventLoop, resolver: SecretResolver, scheme: String?, credential: String,
        logger: Logger
    ) throws(ConfigurationError) -> ExecTokenSource {
        var environment: [(name: String, value: Secret)] = []
        if !source.environment.contains(where: { $0.name == "PATH" }) {
            environment.append(("PATH", Secret(ExecCredentialSource.defaultPath)))
        }
        var secretValues: [Secret] = []
        for variable in source.environment {
            let value = try resolver.resolve(variable.value)
            environment.append((variable.name, value))
            if variable.value.secretReference != nil { secretValues.append(value) }
        }
        return ExecTokenSource(
            loop: loop, command: source.command, environment: environment, secretValues: secretValues,
            timeout: source.timeout, scheme: scheme, credential: credential, logger: logger)
    }
}
