import TokenCore

/// The one line `systemctl status bearerd` shows: how many routes, how many credentials have a valid
/// token, and either when the next refresh is or what is failing, e.g.
/// `3 routes, 2/2 credentials valid, next refresh in 4m12s` or
/// `3 routes, 1/2 credentials valid; "k8s": issuer answered 500 (failing for 2m, next try in 8s)`.
enum StatusLine {
    struct CredentialState {
        var name: String
        var status: CredentialStatus
    }

    static func running(routes: Int, credentials: [CredentialState], now: Instant) -> String {
        let valid = credentials.filter { $0.status.validity != .none }
        var line = "\(routes) route\(routes == 1 ? "" : "s"), \(valid.count)/\(credentials.count) credentials valid"
        let failing = credentials.filter { $0.status.consecutiveFailures > 0 }
        if let worst = failing.first(where: { $0.status.validity == .none }) ?? failing.first {
            line += "; \"\(worst.name)\": " + (worst.status.lastFailure?.summary ?? "failing")
            var details: [String] = []
            if let since = worst.status.failingSince {
                details.append("failing for \((now - since).compactDescription)")
            }
            if let next = worst.status.nextFetchAt, next > now {
                details.append("next try in \((next - now).compactDescription)")
            }
            if !details.isEmpty { line += " (" + details.joined(separator: ", ") + ")" }
            if failing.count > 1 { line += ", \(failing.count - 1) more failing" }
        } else if let next = credentials.compactMap({ $0.status.nextFetchAt }).filter({ $0 > now }).min() {
            line += ", next refresh in \((next - now).compactDescription)"
        }
        return line
    }

    static func waiting(for names: [String]) -> String {
        "starting: waiting for the first token of " + names.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    static func stopping(inFlight: Int) -> String {
        "stopping: \(inFlight) request\(inFlight == 1 ? "" : "s") in flight"
    }
}
