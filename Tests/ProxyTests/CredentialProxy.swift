import FoundationEssentials
import Glibc
import TestSupport
import Testing

/// The real bearerd with one credential, `api`, behind one route, `/api/`, to an echo upstream: what
/// the upstream received shows which token bearerd injected.
struct CredentialProxy {
    let bearerd: BearerdProcess
    let echo: TestUpstream

    /// `credential` is the JSON5 members of credential `api`; `environment` is bearerd's (besides PATH
    /// and HOME).
    init(credential: String, environment: [String: String] = [:]) throws {
        echo = try TestUpstream()
        bearerd = try BearerdProcess.start(
            config: """
                {
                  listen: ["127.0.0.1:0"],
                  credentials: { api: { \(credential) } },
                  routes: [{ path: "/api/", upstream: "\(echo.baseURL)/", credential: "api" }],
                }
                """,
            environment: environment)
    }

    /// One GET through the route, on a fresh connection.
    func get(timeout: Duration = .seconds(10)) throws -> ReceivedResponse {
        try TestClient(port: bearerd.port).get("/api/check", timeout: timeout)
    }

    /// The `Authorization` the upstream received for one request; fails if bearerd answered itself.
    func injected() throws -> String? {
        let response = try get()
        guard response.status == 200 else {
            throw TestSupportError(.protocolViolation, "bearerd answered \(response.status): \(response.bodyText)")
        }
        return try response.echo().header("Authorization")
    }

    /// A request that bearerd answers itself: 503 `credential_unavailable` with a `Retry-After`.
    /// Returns the error's message.
    func unavailable(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let response = try get()
        #expect(response.status == 503, "\(response.bodyText)", sourceLocation: sourceLocation)
        #expect(response.header("Retry-After") != nil, sourceLocation: sourceLocation)
        let error = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body)).error
        #expect(error.type == "credential_unavailable", sourceLocation: sourceLocation)
        return error.message
    }

    /// `{"error":{"type":"...","message":"..."}}`
    private struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var type: String
            var message: String
        }

        var error: Detail
    }

    /// Waits for a line of bearerd's log containing `text`.
    @discardableResult
    func waitForLog(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        try bearerd.waitForLines(in: .stderr, timeout: timeout) { $0.contains(text) }[0]
    }

    /// Checks that none of `secrets` appears in anything bearerd printed.
    func expectNeverPrinted(_ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let output = bearerd.output
        for secret in secrets {
            #expect(!output.contains(secret), "bearerd printed \(secret)", sourceLocation: sourceLocation)
        }
    }

    /// Repeats `attempt` until it returns a value, for a change bearerd makes on its own schedule that
    /// sends the test no event (a file re-read on its 1 s poll, a refreshed token being applied a
    /// moment after the issuer answered). Each attempt is a real request; attempts are 20 ms apart.
    func eventually<T>(
        _ what: String, timeout: Duration = .seconds(5), _ attempt: () throws -> T?
    ) throws -> T {
        let deadline = Deadline.after(timeout)
        var last = "no attempt"
        while true {
            do {
                if let value = try attempt() { return value }
                last = "not yet"
            } catch {
                last = "\(error)"
            }
            if deadline.hasPassed {
                throw TestSupportError(.timeout, "timed out after \(timeout) waiting for \(what); last: \(last)")
            }
            _ = poll(nil, 0, 20)
        }
    }
}

/// A JSON5 string literal for `text`.
func json5(_ text: String) -> String {
    "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
}
