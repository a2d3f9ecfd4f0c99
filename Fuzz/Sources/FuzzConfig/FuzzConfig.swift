import Config
import TokenCore

/// What a reload sees besides the file: one variable set, and every file readable with a newline at the end.
let environment = [SecretReference.credentialsDirectoryVariable: "/run/credentials/bearerd.service", "API_KEY": "k"]

/// Loads the input as `bearerd.json5` the way `run`, `check` and a reload do, printing included:
/// an accepted file must load again to the same configuration and warnings; a refused one must
/// say why.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let loaded: (configuration: Configuration, warnings: [ConfigurationWarning])
    do {
        loaded = try ConfigurationLoader.parse(bytes)
    } catch {
        require(!error.errors.isEmpty, "refused without a reason")
        _ = error.description
        return 0
    }
    do {
        let again = try ConfigurationLoader.parse(bytes)
        require(again.configuration == loaded.configuration, "two loads of the same bytes differ")
        require(again.warnings == loaded.warnings, "two loads of the same bytes warn differently")
    } catch {
        require(false, "accepted once, refused the second time: \(error)")
    }
    _ = loaded.configuration.summaryLines()
    _ = loaded.warnings.map(\.description)
    for credential in loaded.configuration.credentials {
        for reference in credential.source.secretReferences {
            do {
                _ = try reference.resolve(environment: environment) { _ in Array("token\r\n".utf8) }
            } catch {
                _ = error.description
            }
        }
    }
    return 0
}

/// Stops the process so libFuzzer reports the input: a broken contract is as much a bug as a crash.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        fatalError("FuzzConfig: \(message())")
    }
}
