import FoundationEssentials
import Glibc
import TestSupport
import Testing

/// The `SystemdTestTool` executable (Tests/SystemdTestTool), which runs one Systemd call per
/// invocation in a process of its own, with exactly the environment a test gives it: NOTIFY_SOCKET,
/// LISTEN_*, WATCHDOG_* and JOURNAL_STREAM cannot be set inside the test runner without racing its
/// other threads.
enum SystemdTool {
    /// Next to the test runner (`/proc/self/exe`), where `swift build` puts every executable.
    static func path() throws -> String {
        try builtExecutable("SystemdTestTool")
    }

    /// Runs the tool with `arguments`, through `wrapper` when given (a program that execs
    /// `wrapperArguments + [tool] + arguments`), with PATH, HOME and `environment`; returns its
    /// stdout lines after checking it exited 0.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], through wrapper: String? = nil,
        wrapperArguments: [String] = []
    ) throws -> [String] {
        let tool = try path()
        let result =
            if let wrapper {
                try ChildProcess.run(
                    wrapper, arguments: wrapperArguments + [tool] + arguments,
                    environment: ChildProcess.defaultEnvironment(adding: environment))
            } else {
                try ChildProcess.run(
                    tool, arguments: arguments, environment: ChildProcess.defaultEnvironment(adding: environment))
            }
        try #require(result.status == .exited(0), "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// Runs the tool through `sh -c script`, where the script ends with `exec "$0" ...` and may set
    /// variables from the shell's own pid (`$$`), which the exec keeps.
    static func runInShell(_ script: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> [String]
    {
        try run(arguments, environment: environment, through: "/bin/sh", wrapperArguments: ["-c", script])
    }
}

/// An executable `swift build` left next to the test runner.
func builtExecutable(_ name: String) throws -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    try #require(length > 0, "readlink /proc/self/exe failed")
    let runner = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let directory = runner.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    let path = "\(directory)/\(name)"
    try #require(access(path, X_OK) == 0, "no \(name) at \(path): build it with `swift build --build-tests`")
    return path
}

/// The package's root directory (this file is Tests/SystemdTests/SystemdTool.swift).
let packageRoot: String = {
    let components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    return components.dropLast(3).joined(separator: "/")
}()

/// The whole file at `path`, as UTF-8 text.
func readText(_ path: String) throws -> String {
    let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
    return String(decoding: data, as: UTF8.self)
}
