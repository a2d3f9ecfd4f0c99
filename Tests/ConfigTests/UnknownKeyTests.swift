import Config
import Testing

@Suite struct UnknownKeyTests {
    @Test func aMisspeltTopLevelKeyIsReportedWithTheKeyItResembles() {
        #expect(
            problems(#"{ logLevl: "info" }"#).map(\.description) == [
                #"line 1, column 3: logLevl: unknown key; did you mean "logLevel"?"#
            ])
    }

    @Test func aMisspeltRouteKeyIsReportedAtItsPath() {
        #expect(
            pathsAndMessages(configuration(route: #", heaer: "x-api-key""#)) == [
                #"routes[0].heaer: unknown key; did you mean "header"?"#
            ])
    }

    @Test func aMisspeltCredentialKeyIsReportedAtItsPath() {
        #expect(
            pathsAndMessages(configuration(credentialExtra: ", refrehAt: 0.5")) == [
                #"credentials.api.refrehAt: unknown key; did you mean "refreshAt"?"#
            ])
    }

    @Test func aKeyOfAnotherSourceIsUnknownForThisSource() {
        #expect(
            pathsAndMessages(configuration(credentialExtra: #", path: "/x""#)) == [
                "credentials.api.path: unknown key"
            ])
    }

    @Test func misspeltKeysInLimitsTimeoutsAndSecretReferencesAreReported() {
        let text = """
            {
              limits: { bdy: "1MiB" },
              timeouts: { conect: 5 },
              credentials: { api: { source: "static", value: { evn: "API_KEY" } } },
              routes: [
                { path: "/a/", upstream: "https://a.example/", credential: "api", timeouts: { clientIdle: 1 } },
              ],
            }
            """
        #expect(
            pathsAndMessages(text) == [
                #"limits.bdy: unknown key; did you mean "body"?"#,
                #"timeouts.conect: unknown key; did you mean "connect"?"#,
                #"credentials.api.value.evn: unknown key; did you mean "env"?"#,
                "routes[0].timeouts.clientIdle: unknown key",
            ])
    }

    @Test func aKeyFarFromEveryKnownKeyGetsNoSuggestion() {
        #expect(pathsAndMessages(#"{ upstreams: [] }"#) == ["upstreams: unknown key"])
    }

    @Test func aKeyThatDiffersOnlyInCaseIsSuggestedWithTheRightCase() {
        #expect(pathsAndMessages(#"{ LogLevel: "info" }"#) == [#"LogLevel: unknown key; did you mean "logLevel"?"#])
    }

    @Test func everyUnknownKeyIsReportedInFileOrder() {
        let text = """
            { zz1: 1,
              aa2: 2,
              mm3: 3 }
            """
        #expect(
            problems(text).map(\.description) == [
                "line 1, column 3: zz1: unknown key", "line 2, column 3: aa2: unknown key",
                "line 3, column 3: mm3: unknown key",
            ])
    }

    @Test func keysThatAreNotIdentifiersArePrintedQuotedInBrackets() {
        #expect(
            pathsAndMessages(#"{ credentials: { "my.cred": { source: "file", path: "/x", "a b": 1 } } }"#) == [
                #"credentials["my.cred"]["a b"]: unknown key"#
            ])
    }
}
