import HTTP1
import TokenCore

/// The demo's upstream: answers with the request it received (method, target, headers), the
/// credential header masked to its first and last 4 characters, and, for the demo issuer's tokens,
/// their generation, so a newcomer sees the injection and the refreshes without a secret printed.
package enum DemoEcho {
    package static func answer(
        _ head: RequestHead, bodyBytes: Int, maskedHeader: String = "authorization"
    ) -> DemoResponse {
        var generation: String?
        var lines: [String] = []
        head.forEachField { name, value in
            let nameText = String(decoding: name, as: UTF8.self)
            var valueText = String(decoding: value, as: UTF8.self)
            if nameText.lowercased() == maskedHeader {
                generation = DemoToken.generation(ofHeaderValue: valueText).map(String.init)
                valueText = DemoMask.masked(valueText)
            }
            lines.append("    [\"\(JSONText.escaped(nameText))\", \"\(JSONText.escaped(valueText))\"]")
        }
        var json = "{\n  \"method\": \"\(JSONText.escaped(head.method.name))\",\n"
        json += "  \"target\": \"\(JSONText.escaped(String(decoding: head.target, as: UTF8.self)))\",\n"
        json += "  \"headers\": [\n" + lines.joined(separator: ",\n") + "\n  ],\n"
        if let generation { json += "  \"tokenGeneration\": \(generation),\n" }
        json += "  \"bodyBytes\": \(bodyBytes)\n}\n"
        return DemoResponse(body: json)
    }
}

/// Shows a credential the way the demo prints it: the scheme, then the token's first and last 4
/// characters around an ellipsis (`Bearer demo…9f3a`); a token of 12 characters or fewer is hidden.
package enum DemoMask {
    package static func masked(_ value: String) -> String {
        let parts = value.split(separator: " ", maxSplits: 1)
        let (scheme, token) = parts.count == 2 ? (String(parts[0]) + " ", parts[1]) : ("", Substring(value))
        guard token.count > 12 else { return scheme + String(repeating: "*", count: token.count) }
        return scheme + token.prefix(4) + "…" + token.suffix(4)
    }
}
