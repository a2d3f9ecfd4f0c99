/// Starts one of the test peers written as a Python script (the HTTPS upstream, the mutual-TLS
/// issuer): it prints `PORT <n>` on stdout once it listens.
enum PythonPeer {
    static func start(
        script: String, arguments: [String], timeout: Duration, name: String
    ) throws -> (process: ChildProcess, port: UInt16) {
        let process = try ChildProcess(
            "python3", arguments: ["-u", script] + arguments, environment: ChildProcess.defaultEnvironment())
        let line = try process.waitForLine(in: .stdout, timeout: timeout) { $0.hasPrefix("PORT ") }
        guard let port = UInt16(line.dropFirst(5)) else {
            throw TestSupportError(.protocolViolation, "\(name) printed \(line)")
        }
        return (process, port)
    }
}
