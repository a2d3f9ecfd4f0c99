import Config
import Testing

/// The example from the project brief, line for line.
let exampleConfiguration = """
    {
      listen: ["127.0.0.1:8750", "unix:/run/bearerd/agent.sock"],   // one or more
      allowedHosts: ["devbox.local"],
      logLevel: "info",                     // debug | info | warning | error
      limits: { requestLine: 8192, headerBytes: "64KiB", headerCount: 100, body: "128MiB" },
      timeouts: { connect: "10s", response: "10m", idle: "5m", clientIdle: "5m", clientHeader: "60s" },
      credentials: {
        brave: { source: "static", value: { env: "BRAVE_API_KEY" } },
        k8s:   { source: "file", path: "/var/run/secrets/tokens/api" },   // re-read when it changes
        demo:  { source: "static", value: "literal-only-for-demos", type: "Bearer", ttl: "10m", refreshAt: 0.8 },
      },
      routes: [
        { path: "/anthropic/", upstream: "https://api.anthropic.com/", credential: "k8s",
          header: "x-api-key", format: "{token}", headers: { "anthropic-version": "2023-06-01" } },
        { path: "/brave/", upstream: "https://api.search.brave.com/res/v1/", credential: "brave",
          header: "X-Subscription-Token", format: "{token}",
          caFile: "/etc/ssl/custom-ca.pem", allowedOrigins: ["https://app.example.com"],
          proxy: "http://proxy.corp:3128", timeouts: { response: "30m" } },
      ],
    }
    """

/// Parses `text`, or returns nil and records an issue naming its problems.
func parsed(_ text: String) -> (configuration: Configuration, warnings: [ConfigurationWarning])? {
    do {
        return try ConfigurationLoader.parse(Array(text.utf8))
    } catch {
        Issue.record("unexpected errors:\n\(error)")
        return nil
    }
}

/// The problems of `bytes`, or an empty list (and a recorded issue) if it parses.
func problems(_ bytes: [UInt8]) -> [ConfigurationError] {
    do {
        _ = try ConfigurationLoader.parse(bytes)
        Issue.record("parsed, but problems were expected")
        return []
    } catch {
        return error.errors
    }
}

func problems(_ text: String) -> [ConfigurationError] {
    problems(Array(text.utf8))
}

/// `path: message` of each problem, without locations.
func pathsAndMessages(_ text: String) -> [String] {
    problems(text).map { "\($0.path): \($0.message)" }
}

/// A minimal valid configuration with one credential `api` and one route; each argument is JSON5
/// text spliced in (`extra...` after the last key of the route, the credential or the top level).
func configuration(
    path: String = #""/api/""#, upstream: String = #""https://api.example.com/""#, credential: String = #""api""#,
    route extraRoute: String = "", credentialSource: String = #"source: "static", value: { env: "API_KEY" }"#,
    credentialExtra: String = "", top: String = ""
) -> String {
    """
    {
      credentials: { api: { \(credentialSource) \(credentialExtra) } },
      routes: [ { path: \(path), upstream: \(upstream), credential: \(credential) \(extraRoute) } ],
      \(top)
    }
    """
}

/// The only route of `text`.
func onlyRoute(_ text: String) -> RouteDefinition? {
    parsed(text)?.configuration.routes.first
}
