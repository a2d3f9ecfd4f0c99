import Glibc
import Proxy

/// The command line: `bearerd run|check|demo|version [options]`. Exit status: 0 ok, 1 runtime failure,
/// 2 usage or configuration error.
enum BearerdCommand {
    static let defaultConfigPath = "/etc/bearerd/bearerd.json5"

    static func main(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            Output.error(Help.overview)
            return ExitStatus.usage
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            guard let text = Help.text(for: command) else { return unknown(command) }
            Output.print(text)
            return ExitStatus.ok
        }
        switch command {
        case "run": return RunCommand.main(rest)
        case "check": return CheckCommand.main(rest)
        case "demo": return DemoCommand.main(rest)
        case "version", "--version": return VersionCommand.main(rest)
        case "help", "--help", "-h":
            guard let topic = rest.first else {
                Output.print(Help.overview)
                return ExitStatus.ok
            }
            guard let text = Help.text(for: topic) else { return unknown(topic) }
            Output.print(text)
            return ExitStatus.ok
        default:
            return unknown(command)
        }
    }

    private static func unknown(_ command: String) -> Int32 {
        Output.error("bearerd: unknown command \"\(command)\"\n\n" + Help.overview)
        return ExitStatus.usage
    }

    /// `--config FILE` (or `--config=FILE`); nothing else is accepted.
    static func configPath(from arguments: [String], command: String) -> Result<String, UsageError> {
        var path = defaultConfigPath
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--config" || argument == "-c" {
                guard index + 1 < arguments.count else { return .failure(UsageError("\(argument) needs a file")) }
                path = arguments[index + 1]
                index += 2
            } else if argument.hasPrefix("--config=") {
                path = String(argument.dropFirst("--config=".count))
                index += 1
            } else {
                return .failure(UsageError("unexpected argument \"\(argument)\"; see bearerd \(command) --help"))
            }
        }
        return .success(path)
    }
}

struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum ExitStatus {
    static let ok: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}

/// Writes to stdout and stderr through file descriptors 1 and 2 (Swift 6 cannot name C's `stdout`).
enum Output {
    static func print(_ text: String) {
        write(1, text.hasSuffix("\n") ? text : text + "\n")
    }

    static func error(_ text: String) {
        write(2, text.hasSuffix("\n") ? text : text + "\n")
    }

    private static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
