import Config
import Testing
import TokenCore

@Suite struct HTTPSourceConfigTests {
    func httpSource(_ members: String) -> HTTPCredentialSource? {
        guard
            let credential = parsed(configuration(credentialSource: #"source: "http", "# + members))?
                .configuration.credentials.first,
            case .http(let source) = credential.source
        else { return nil }
        return source
    }

    func problemsOf(_ members: String) -> [String] {
        pathsAndMessages(configuration(credentialSource: #"source: "http", "# + members))
    }

    @Test func everyKeyIsRead() throws {
        let source = try #require(
            httpSource(
                """
                url: "https://auth.example/v1/token?tenant=a", method: "PUT",
                headers: { "X-License": { env: "LICENSE" }, Accept: "application/json" },
                json: { license: { file: "/run/license" }, days: 1, fresh: true, label: "agents" },
                response: { token: "data.jwt", type: "data.kind", expiresIn: "data.ttl" },
                caFile: "/etc/ssl/issuer.pem", proxy: "http://proxy.corp:3128"
                """))
        #expect(source.url.original == "https://auth.example/v1/token?tenant=a")
        #expect(source.method == "PUT")
        #expect(source.headers.map(\.name) == ["X-License", "Accept"])
        #expect(source.headers.map(\.value.description) == ["from env LICENSE", "text"])
        guard case .json(let json) = source.body else {
            Issue.record("expected a JSON body, got \(String(describing: source.body))")
            return
        }
        #expect(json.members.map(\.name) == ["license", "days", "fresh", "label"])
        #expect(json.members[1].value == .number(1))
        #expect(json.members[2].value == .bool(true))
        #expect(json.members[3].value == .string(.text("agents")))
        #expect(source.response == ResponseFields(token: "data.jwt", type: "data.kind", expiresIn: "data.ttl"))
        #expect(source.caFile == "/etc/ssl/issuer.pem")
        #expect(source.proxy?.description == "http://proxy.corp:3128")
        #expect(
            CredentialSource.http(source).secretReferences.map(\.keyPath.description) == [
                "credentials.api.headers.X-License", "credentials.api.json.license",
            ])
    }

    @Test func aURLAloneMeansAPOSTWithoutBodyReadByTheUsualFieldNames() throws {
        let source = try #require(httpSource(#"url: "http://127.0.0.1:8080/token""#))
        #expect(source.method == "POST")
        #expect(source.headers.isEmpty)
        #expect(source.body == nil)
        #expect(source.response.fields == TokenResponse.Fields.standard)
    }

    @Test func theSummaryShowsWhereValuesComeFromButNoValue() throws {
        let text = configuration(
            credentialSource: """
                source: "http", url: "https://auth.example/v1/token?key=canary-query-91", body: "license=canary-body-37",
                headers: { "X-License": { env: "LICENSE" }, "X-Plain": "canary-header-55" },
                response: { token: "data.jwt" }
                """)
        let result = try #require(parsed(text))
        let summary = result.configuration.summaryLines().joined(separator: "\n")
        #expect(
            result.configuration.credentials[0].source.summary
                == "http POST https://auth.example/v1/token?…, headers X-License from env LICENSE, X-Plain, "
                + "body (22 bytes), token at data.jwt")
        for canary in ["canary-query-91", "canary-body-37", "canary-header-55"] {
            #expect(!summary.contains(canary))
        }
        // Plain strings in headers and bodies are not inline secrets.
        #expect(result.warnings.map(\.path) == [])
    }

    @Test(arguments: [
        (#"url: "ftp://a.example/t""#, #"credentials.api.url: scheme "ftp" is not supported; use http or https"#),
        (
            #"url: "https://user:pw@a.example/t""#,
            "credentials.api.url: must not contain a user name or password; put credentials in headers or the body"
        ),
        (##"url: "https://a.example/t#x""##, ##"credentials.api.url: must not have a fragment ("#...")"##),
        (
            #"url: "https://a.example/t t""#,
            "credentials.api.url: must be visible ASCII; percent-encode other characters"
        ),
        (
            #"url: "https://a.example/", method: "HEAD""#,
            "credentials.api.method: HEAD cannot fetch a token; use POST or GET"
        ),
        (
            #"url: "https://a.example/", method: "PO ST""#,
            #"credentials.api.method: expected an HTTP method like "POST""#
        ),
        (
            #"url: "https://a.example/", method: "GET", body: "x""#,
            "credentials.api.method: a GET request has no body; use POST, or leave body and json out"
        ),
        (
            #"url: "https://a.example/", body: "x", json: { a: 1 }"#,
            "credentials.api.json: give either body or json, not both"
        ),
        (
            #"url: "https://a.example/", headers: { Host: "x" }"#,
            #"credentials.api.headers.Host: "Host" is a hop-by-hop or framing header; it cannot be set"#
        ),
        (
            #"url: "https://a.example/", headers: { "X-A": "a\nb" }"#,
            "credentials.api.headers.X-A: the value may contain only visible ASCII, space and tab"
        ),
        (#"url: "https://a.example/", headers: { "X-A": "" }"#, "credentials.api.headers.X-A: must not be empty"),
        (
            #"url: "https://a.example/", headers: { "X-A": "1", "x-a": "2" }"#,
            #"credentials.api.headers.x-a: the same name as "X-A""#
        ),
        (
            #"url: "https://a.example/", headers: { "X-A": { evn: "A" } }"#,
            #"credentials.api.headers.X-A.evn: unknown key; did you mean "env"?"#
        ),
        (
            #"url: "https://a.example/", response: { token: "data..jwt" }"#,
            #"credentials.api.response.token: expected a dotted path like "data.access_token""#
        ),
        (
            #"url: "https://a.example/", response: { tokn: "jwt" }"#,
            #"credentials.api.response.tokn: unknown key; did you mean "token"?"#
        ),
        (
            #"url: "https://a.example/", json: { a: [1] }"#,
            "credentials.api.json.a: arrays cannot be written in json; put such a body in a file and use body"
        ),
        (#"url: "https://a.example/", json: { a: Infinity }"#, "credentials.api.json.a: must be a finite number"),
        (#"url: "https://a.example/", urll: "x""#, #"credentials.api.urll: unknown key; did you mean "url"?"#),
        (#"url: "https://a.example/", methd: "GET""#, #"credentials.api.methd: unknown key; did you mean "method"?"#),
        (#"url: "https://a.example/", tokenUrl: "x""#, "credentials.api.tokenUrl: unknown key"),
    ])
    func aBadKeyIsRefusedAtItsPath(members: String, expected: String) {
        #expect(problemsOf(members) == [expected])
    }
}
