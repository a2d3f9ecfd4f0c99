import FoundationEssentials

/// Turns the bytes of a `bearerd.json5` into a `Configuration`, or into every problem it has.
///
/// Three passes: strict UTF-8 validation (JSONDecoder traps on some invalid UTF-8), the JSON5 syntax
/// scan (positions, duplicate keys, input that would trap the decoder), then JSONDecoder with
/// `allowsJSON5` and the model types' own validation. Problems come back in file order, each with its
/// line and column.
package enum ConfigurationLoader {
    /// Larger files are refused before parsing; a real configuration is a few kilobytes.
    package static let maximumFileSize = 1 << 20

    package static func parse(
        _ bytes: [UInt8]
    ) throws(ConfigurationErrors) -> (configuration: Configuration, warnings: [ConfigurationWarning]) {
        guard bytes.count <= maximumFileSize else {
            throw ConfigurationErrors([ConfigurationError(at: .root, "the file is larger than 1 MiB")])
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            throw ConfigurationErrors([
                ConfigurationError(
                    at: .root, "invalid UTF-8 (byte 0x\(byte) at offset \(offset))",
                    location: SourceLocation(offset: offset, in: bytes))
            ])
        }
        let sourceMap: SourceMap
        switch JSON5Scanner.scan(bytes) {
        case .success(let map): sourceMap = map
        case .failure(let errors): throw errors
        }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        decoder.userInfo[.sourceMap] = sourceMap
        let configuration: Configuration
        do {
            configuration = try decoder.decode(Decoding<Configuration>.self, from: Data(bytes)).value
        } catch {
            throw ConfigurationErrors(located(ConfigurationErrors(error, at: .root).errors, in: sourceMap))
        }
        let warnings = located(configuration.warnings().map(\.problem), in: sourceMap)
        return (configuration, warnings.map(ConfigurationWarning.init))
    }

    /// Adds each problem's location and sorts them in file order (stable for equal locations).
    private static func located(_ errors: [ConfigurationError], in sourceMap: SourceMap) -> [ConfigurationError] {
        let located = errors.enumerated().map { index, error in
            var error = error
            error.location = error.location ?? sourceMap.location(of: error.keyPath)
            return (index, error)
        }
        let sorted = located.sorted { lhs, rhs in
            (lhs.1.location?.offset ?? -1, lhs.0) < (rhs.1.location?.offset ?? -1, rhs.0)
        }
        return sorted.map(\.1)
    }
}
