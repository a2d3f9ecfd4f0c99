import Config
import Testing

@Suite struct DurationAndSizeTests {
    @Test(arguments: [
        ("10", Duration.seconds(10)), ("0.25", .milliseconds(250)), (#""250ms""#, .milliseconds(250)),
        (#""10s""#, .seconds(10)), (#""5m""#, .seconds(300)), (#""1h""#, .seconds(3600)), (#""1m30s""#, .seconds(90)),
        (#""1h2m3s4ms""#, .milliseconds(3_723_004)), (#""1.5s""#, .milliseconds(1500)),
        (#""365h""#, .seconds(1_314_000)),
    ])
    func aDurationIsReadFromANumberOrAString(text: String, expected: Duration) throws {
        let configuration = try #require(parsed("{ timeouts: { connect: \(text) } }")).configuration
        #expect(configuration.timeouts.connect == expected)
    }

    @Test(arguments: [
        ("0", "must be a positive duration"),
        ("-1", "must be a positive duration"),
        ("Infinity", "must be a positive duration"),
        ("40000000", "must be at most 365 days"),
        (#""0s""#, "must be a positive duration"),
        (#""10""#, #"expected a duration like "10s", "250ms" or "1m30s", or a number of seconds"#),
        (#""10 s""#, #"expected a duration like "10s", "250ms" or "1m30s", or a number of seconds"#),
        (#""30s1m""#, #"expected a duration like "10s", "250ms" or "1m30s", or a number of seconds"#),
        (#""1s1s""#, #"expected a duration like "10s", "250ms" or "1m30s", or a number of seconds"#),
        (#""1d""#, #"expected a duration like "10s", "250ms" or "1m30s", or a number of seconds"#),
        (#""1.s""#, #"expected a duration like "10s", "250ms" or "1m30s", or a number of seconds"#),
        (#""""#, #"expected a duration like "10s", "250ms" or "1m30s", or a number of seconds"#),
        ("[]", #"expected a duration like "10s", "250ms" or "1m30s", or a number of seconds"#),
    ])
    func aBadDurationIsRefused(text: String, message: String) {
        #expect(pathsAndMessages("{ timeouts: { response: \(text) } }") == ["timeouts.response: \(message)"])
    }

    @Test(arguments: [
        ("8192", 8192), (#""512B""#, 512), (#""512""#, 512), (#""64KiB""#, 65536), (#""128MiB""#, 134_217_728),
        (#""1GiB""#, 1_073_741_824), (#""64KB""#, 64000), (#""64kB""#, 64000), (#""2MB""#, 2_000_000),
        (#""1GB""#, 1_000_000_000), (#""16 KiB""#, 16384), ("1e3", 1000),
    ])
    func aSizeIsReadFromANumberOrAString(text: String, expected: Int) throws {
        let configuration = try #require(parsed("{ limits: { body: \(text) } }")).configuration
        #expect(configuration.limits.body == expected)
    }

    @Test(arguments: [
        ("0", "must be a positive size"),
        ("-5", "must not be negative"),
        ("1.5", "expected a whole number"),
        ("1e300", "too large"),
        (#""0KiB""#, "must be a positive size"),
        (#""1TiB""#, #"expected a size like "64KiB", "128MiB" or "512B", or a number of bytes"#),
        (#""64kib""#, #"expected a size like "64KiB", "128MiB" or "512B", or a number of bytes"#),
        (#""1.5MiB""#, #"expected a size like "64KiB", "128MiB" or "512B", or a number of bytes"#),
        (#""KiB""#, #"expected a size like "64KiB", "128MiB" or "512B", or a number of bytes"#),
        (#""99999999999999999999B""#, "too large"),
        (#""9999999999999GiB""#, "too large"),
    ])
    func aBadSizeIsRefused(text: String, message: String) {
        #expect(pathsAndMessages("{ limits: { headerBytes: \(text) } }") == ["limits.headerBytes: \(message)"])
    }
}
