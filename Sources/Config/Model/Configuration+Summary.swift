/// The lines `bearerd check` prints: what was understood, never a secret.
extension Configuration {
    /// One line per topic, credential and route, e.g.
    /// ```
    /// listen     127.0.0.1:8750, unix:/run/bearerd/agent.sock (mode 0660)
    /// credential brave  static, value from env BRAVE_API_KEY
    /// route /anthropic/ -> https://api.anthropic.com/  credential k8s  header x-api-key: {token}  +1 fixed header
    /// ```
    package func summaryLines() -> [String] {
        var lines = [
            Self.label("listen") + listeners.map(Self.listenerSummary).joined(separator: ", ")
        ]
        if !allowedHosts.isEmpty {
            lines.append(
                Self.label("hosts") + (["localhost", "127.0.0.1", "[::1]"] + allowedHosts).joined(separator: ", "))
        }
        lines.append(Self.label("log level") + logLevel.rawValue)
        lines.append(
            Self.label("limits") + "request line \(SizeSyntax.format(limits.requestLine)), "
                + "header \(SizeSyntax.format(limits.headerBytes)) in \(limits.headerCount) fields, "
                + "body \(SizeSyntax.format(limits.body)), "
                + "replayed after a 401 up to \(SizeSyntax.format(limits.replayBody))")
        let durations = [
            ("connect", timeouts.connect), ("response", timeouts.response), ("idle", timeouts.idle),
            ("client idle", timeouts.clientIdle), ("client header", timeouts.clientHeader),
        ]
        lines.append(
            Self.label("timeouts") + durations.map { "\($0) \(DurationSyntax.format($1))" }.joined(separator: ", "))
        lines.append(
            Self.label("service") + "ready when \(service.readyWhen.rawValue) (at most "
                + "\(DurationSyntax.format(service.readyTimeout))), "
                + "stop grace \(DurationSyntax.format(service.shutdownGrace))")
        let nameWidth = credentials.map(\.name.count).max() ?? 0
        for credential in credentials {
            let name = credential.name.padding(to: nameWidth)
            lines.append("credential \(name)  " + Self.credentialSummary(credential))
        }
        for route in routes {
            lines.append("route " + Self.routeSummary(route))
        }
        return lines
    }

    private static func label(_ text: String) -> String {
        text.padding(to: "credential".count) + " "
    }

    private static func listenerSummary(_ listener: ListenAddress) -> String {
        guard case .unix(_, let mode) = listener else { return listener.description }
        let octal = String(mode, radix: 8)
        return "\(listener) (mode \(String(repeating: "0", count: max(0, 4 - octal.count)) + octal))"
    }

    private static func credentialSummary(_ credential: CredentialDefinition) -> String {
        var parts = [credential.source.summary]
        if credential.type != CredentialDefinition.defaultType {
            parts.append("type \(credential.type)")
        }
        if let ttl = credential.ttl {
            parts.append("ttl \(DurationSyntax.format(ttl))")
        }
        if credential.refreshAt != CredentialDefinition.defaultRefreshAt {
            parts.append("refresh at \(credential.refreshAt)")
        }
        if credential.fetchTimeout != CredentialDefinition.defaultFetchTimeout {
            parts.append("fetch timeout \(DurationSyntax.format(credential.fetchTimeout))")
        }
        if credential.retry != .default {
            parts.append("retry \(credential.retry)")
        }
        return parts.joined(separator: ", ")
    }

    private static func routeSummary(_ route: RouteDefinition) -> String {
        var parts = [
            "\(route.path) -> \(route.upstream)", "credential \(route.credential)",
            "header \(route.header): \(route.format)",
        ]
        if !route.headers.isEmpty {
            parts.append("+\(route.headers.count) fixed header\(route.headers.count == 1 ? "" : "s")")
        }
        if let caFile = route.caFile {
            parts.append("ca \(caFile)")
        }
        if !route.allowedOrigins.isEmpty {
            parts.append("origins " + route.allowedOrigins.map(\.description).joined(separator: ", "))
        }
        if let proxy = route.proxy {
            parts.append("proxy \(proxy)")
        }
        let overrides = [
            ("connect", route.timeouts.connect), ("response", route.timeouts.response), ("idle", route.timeouts.idle),
        ]
        .compactMap { name, duration in duration.map { "\(name) \(DurationSyntax.format($0))" } }
        if !overrides.isEmpty {
            parts.append("timeouts " + overrides.joined(separator: ", "))
        }
        if !route.retryOn401 {
            parts.append("no retry on 401")
        }
        return parts.joined(separator: "  ")
    }
}

extension String {
    /// Pads with spaces on the right to `width` characters.
    fileprivate func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
