import Config
import Testing

@Suite struct FetchPolicyConfigTests {
    @Test func everySourceTakesAFetchTimeoutAndARetryBackoff() throws {
        let text = configuration(credentialExtra: #", fetchTimeout: "5s", retry: { base: "250ms", max: "10s" }"#)
        let credential = try #require(parsed(text)?.configuration.credentials.first)
        #expect(credential.fetchTimeout == .seconds(5))
        #expect(credential.retry == CredentialRetry(base: .milliseconds(250), max: .seconds(10)))
    }

    @Test func withoutThemTheDefaultsApply() throws {
        let credential = try #require(parsed(configuration())?.configuration.credentials.first)
        #expect(credential.fetchTimeout == .seconds(30))
        #expect(credential.retry == CredentialRetry(base: .seconds(1), max: .seconds(60)))
    }

    @Test func aRetryKeyLeftOutMakesWayForTheOneWritten() throws {
        let lowMax = try #require(parsed(configuration(credentialExtra: #", retry: { max: "500ms" }"#)))
        #expect(
            lowMax.configuration.credentials[0].retry
                == CredentialRetry(base: .milliseconds(500), max: .milliseconds(500)))
        let highBase = try #require(parsed(configuration(credentialExtra: #", retry: { base: "2m" }"#)))
        #expect(highBase.configuration.credentials[0].retry == CredentialRetry(base: .seconds(120), max: .seconds(120)))
    }

    @Test(arguments: [
        (#"fetchTimeout: 0"#, "credentials.api.fetchTimeout: must be a positive duration"),
        (#"retry: { base: "10s", max: "1s" }"#, "credentials.api.retry: base 10s is longer than max 1s"),
        (#"retry: { base: 0 }"#, "credentials.api.retry.base: must be a positive duration"),
        (#"retry: { bse: "1s" }"#, #"credentials.api.retry.bse: unknown key; did you mean "base"?"#),
        (#"retry: "1s""#, "credentials.api.retry: expected an object"),
        (#"fetchTimout: "1s""#, #"credentials.api.fetchTimout: unknown key; did you mean "fetchTimeout"?"#),
    ])
    func aBadFetchPolicyIsRefusedAtItsPath(field: String, expected: String) {
        #expect(pathsAndMessages(configuration(credentialExtra: ", " + field)) == [expected])
    }
}
