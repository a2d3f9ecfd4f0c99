import Curl

/// `bearerd version`.
enum VersionCommand {
    static let version = "0.1.0"

    static func main(_ arguments: [String]) -> Int32 {
        Output.print("bearerd \(version) (\(CurlVersion.description))")
        return ExitStatus.ok
    }
}
