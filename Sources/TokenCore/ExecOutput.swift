/// Reading what a credential command printed on standard output.
package enum ExecOutput {
    /// The token in a command's output, in the first of these forms that fits:
    ///
    /// - A Kubernetes `ExecCredential` (`"kind": "ExecCredential"`, any `apiVersion`): the token
    ///   is `status.token`, the expiry `status.expirationTimestamp` (RFC 3339). One that carries
    ///   only a client certificate cannot be injected and fails.
    /// - A JSON object with `token` and optionally `expiresAt` (RFC 3339) or `expiresIn`
    ///   (seconds, a number or a string of digits).
    /// - One line: the token, without surrounding whitespace.
    ///
    /// Unusable output is a permanent failure: the same command will print the same thing.
    package static func parse(_ output: some Collection<UInt8>) throws(FetchFailure) -> TokenMaterial {
        guard output.count <= TokenResponse.maximumSize else {
            throw .permanent("output has \(output.count) bytes, above the limit of \(TokenResponse.maximumSize)")
        }
        let bytes = Array(output)
        let trimmed = bytes.trimmingASCIIWhitespace
        guard !trimmed.isEmpty else { throw .permanent("output is empty") }
        guard trimmed.first == UInt8(ascii: "{") else {
            guard !trimmed.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
                throw .permanent("output has several lines; expected one line with the token, or JSON")
            }
            return .bare(trimmed)
        }
        guard let json = JSONValue.parse(trimmed) else {
            throw .permanent("output looks like a JSON object but does not parse")
        }
        if case .string("ExecCredential") = json["kind"] {
            return try execCredential(json)
        }
        guard let token = json["token"] else {
            throw .permanent("output is a JSON object without a \"token\" field")
        }
        guard case .string(let secret) = token else {
            throw .permanent("output field \"token\" is \(token.kindName), not a string")
        }
        var material = TokenMaterial(secret: Secret(secret))
        if let expiresAt = json["expiresAt"], expiresAt != .null {
            material.expiresAt = try timestamp(expiresAt, field: "expiresAt")
        } else if let expiresIn = json["expiresIn"], expiresIn != .null {
            guard let seconds = expiresIn.seconds else {
                throw .permanent("output field \"expiresIn\" is not a number of seconds")
            }
            material.expiresIn = seconds
        }
        return material
    }

    /// `client.authentication.k8s.io` ExecCredential: `status.token`, `status.expirationTimestamp`.
    private static func execCredential(_ json: JSONValue) throws(FetchFailure) -> TokenMaterial {
        guard let token = json["status.token"] else {
            throw .permanent("ExecCredential has no status.token (client certificates cannot be injected)")
        }
        guard case .string(let secret) = token else {
            throw .permanent("ExecCredential status.token is \(token.kindName), not a string")
        }
        var material = TokenMaterial(secret: Secret(secret))
        if let expiry = json["status.expirationTimestamp"], expiry != .null {
            material.expiresAt = try timestamp(expiry, field: "status.expirationTimestamp")
        }
        return material
    }

    private static func timestamp(_ value: JSONValue, field: String) throws(FetchFailure) -> WallTime {
        guard case .string(let text) = value, let time = RFC3339.parse(text) else {
            throw .permanent("output field \"\(field)\" is not an RFC 3339 timestamp")
        }
        return time
    }
}
