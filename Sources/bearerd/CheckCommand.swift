import Proxy

/// `bearerd check`: validate a configuration and show what it means.
enum CheckCommand {
    static func main(_ arguments: [String]) -> Int32 {
        let path: String
        switch BearerdCommand.configPath(from: arguments, command: "check") {
        case .success(let value): path = value
        case .failure(let error):
            Output.error("bearerd check: \(error)")
            return ExitStatus.usage
        }
        switch ConfigurationFile.load(path: path, environment: ProcessEnvironment.current(), purpose: .check) {
        case .failure(let error):
            Output.error("\(error)\n\(path): invalid")
            return ExitStatus.failure
        case .success(let loaded):
            Output.print(loaded.configuration.summaryLines().joined(separator: "\n"))
            for warning in loaded.warnings { Output.error("\(path): warning: \(warning)") }
            for note in loaded.unverified { Output.error("\(path): note: \(note)") }
            Output.print("\(path): valid")
            return ExitStatus.ok
        }
    }
}
