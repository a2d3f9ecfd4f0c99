import Glibc

/// The real `bearerd` binary, running.
///
/// `start` writes the config to a file in a temporary directory, spawns `bearerd run --config <file>`
/// (or other arguments) with only PATH, HOME and what the test adds in its environment, and returns
/// once bearerd printed one `listening address=<addr>` line per expected listener on stderr, where
/// addr is `127.0.0.1:<port>` or `unix:<path>`; it throws with the captured output if bearerd exits
/// first or the timeout passes. Killed and reaped when deinitialised.
///
/// ```
/// let bearerd = try BearerdProcess.start(config: """
///     { listen: ["127.0.0.1:0"], routes: [{ path: "/up/", upstream: "\(upstream.baseURL)" }] }
///     """)
/// let client = try TestClient(port: bearerd.port)
/// ```
package final class BearerdProcess: Sendable {
    package let process: ChildProcess
    /// Where the config file and anything else of this run live.
    package let directory: TemporaryDirectory
    package let configPath: String
    /// The listeners bearerd reported, in the order it printed them.
    package let listeners: [ListenAddress]

    /// Starts bearerd and waits for it to listen.
    /// - Parameters:
    ///   - config: the config file's text.
    ///   - arguments: the arguments; `{config}` in any of them is replaced by the config file's path.
    ///   - environment: added to PATH and HOME.
    ///   - listeners: how many `listening address=` lines to wait for.
    ///   - binary: the executable; `binaryPath()` when nil.
    package static func start(
        config: String,
        arguments: [String] = ["run", "--config", "{config}"],
        environment: [String: String] = [:],
        listeners: Int = 1,
        timeout: Duration = .seconds(10),
        binary: String? = nil
    ) throws -> BearerdProcess {
        let directory = try TemporaryDirectory(prefix: "bearerd-run")
        let configPath = try directory.write("bearerd.conf", config)
        let process = try ChildProcess(
            try binary ?? binaryPath(),
            arguments: arguments.map { $0.replacing("{config}", with: configPath) },
            environment: ChildProcess.defaultEnvironment(adding: environment)
        )
        let lines = try process.waitForLines(in: .stderr, count: listeners, timeout: timeout) {
            $0.contains(listeningMarker)
        }
        return BearerdProcess(
            process: process, directory: directory, configPath: configPath,
            listeners: try lines.prefix(listeners).map(ListenAddress.init(line:))
        )
    }

    private init(process: ChildProcess, directory: TemporaryDirectory, configPath: String, listeners: [ListenAddress]) {
        self.process = process
        self.directory = directory
        self.configPath = configPath
        self.listeners = listeners
    }

    deinit {
        process.kill()
    }

    /// The bearerd executable: `BEARERD_TEST_BINARY` if set, else `bearerd` next to the test runner
    /// (`/proc/self/exe`, e.g. `.build/debug/bearerdPackageTests.xctest`).
    package static func binaryPath() throws -> String {
        if let path = getenv("BEARERD_TEST_BINARY") { return String(cString: path) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { throw TestSupportError.system("readlink /proc/self/exe") }
        let runner = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let path =
            runner.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            + "/bearerd"
        guard access(path, X_OK) == 0 else {
            throw TestSupportError(
                .process, "no bearerd executable at \(path) (build it with `swift build`, or set BEARERD_TEST_BINARY)")
        }
        return path
    }

    package var pid: pid_t { process.pid }

    /// The first TCP listener's port.
    package var port: UInt16 {
        get throws {
            for case .tcp(_, let port) in listeners { return port }
            throw TestSupportError(.misuse, "bearerd has no TCP listener: \(listeners)")
        }
    }

    /// stdout, then stderr, as captured so far.
    package var output: String { process.output }
    package var stdout: String { process.stdout }
    package var stderr: String { process.stderr }

    package func signal(_ signal: Int32) throws { try process.signal(signal) }

    @discardableResult
    package func waitForExit(timeout: Duration = .seconds(10)) throws -> ExitStatus {
        try process.waitForExit(timeout: timeout)
    }

    /// See `ChildProcess.waitForLines`.
    @discardableResult
    package func waitForLines(
        in stream: ChildProcess.Stream = .either, count: Int = 1, timeout: Duration = .seconds(10),
        matching predicate: (String) -> Bool
    ) throws -> [String] {
        try process.waitForLines(in: stream, count: count, timeout: timeout, matching: predicate)
    }

    /// Resident memory now (VmRSS), in KiB.
    package func rssKiB() throws -> Int { try statusField("VmRSS") }

    /// Peak resident memory (VmHWM), in KiB.
    package func peakRSSKiB() throws -> Int { try statusField("VmHWM") }

    /// Replaces the config file's text (for reload tests: write, then `signal(SIGHUP)`).
    package func writeConfig(_ text: String) throws {
        try directory.write("bearerd.conf", text)
    }

    private func statusField(_ name: String) throws -> Int {
        let status = String(decoding: try readFile("/proc/\(pid)/status"), as: UTF8.self)
        for line in status.split(separator: "\n") where line.hasPrefix("\(name):") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count == 3, fields[2] == "kB", let value = Int(fields[1]) { return value }
        }
        throw TestSupportError(.process, "no \(name) in /proc/\(pid)/status: \(quoted(Array(status.utf8)))")
    }

    static let listeningMarker = "listening address="
}

/// Where bearerd said it listens.
package enum ListenAddress: Sendable, Equatable {
    case tcp(host: String, port: UInt16)
    case unix(path: String)

    /// Parses the `<addr>` after `listening address=` (optionally quoted) in a log line.
    package init(line: String) throws {
        guard let marker = line.firstRange(of: BearerdProcess.listeningMarker) else {
            throw TestSupportError(.protocolViolation, "no listening address in \(line)")
        }
        var value = line[marker.upperBound...].prefix { $0 != " " && $0 != "\t" }
        if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = value.dropFirst().dropLast() }
        if value.hasPrefix("unix:") {
            self = .unix(path: String(value.dropFirst(5)))
            return
        }
        guard let colon = value.lastIndex(of: ":"), let port = UInt16(value[value.index(after: colon)...]) else {
            throw TestSupportError(.protocolViolation, "cannot parse listening address \"\(value)\" in \(line)")
        }
        self = .tcp(host: String(value[..<colon]), port: port)
    }
}
