/// How the token is written into the injected header: `"{type} {token}"` gives `Bearer eyJ...`.
package struct HeaderTemplate: Equatable, Sendable, CustomStringConvertible {
    package enum Part: Equatable, Sendable {
        case literal(String)
        /// The credential's token.
        case token
        /// The credential's `type`, e.g. `Bearer`.
        case type
    }

    package var parts: [Part]

    package static let `default` = HeaderTemplate(parts: [.type, .literal(" "), .token])

    package init(parts: [Part]) {
        self.parts = parts
    }

    /// `{type} {token}`, as it would be written in the file.
    package var description: String {
        parts.map { part in
            switch part {
            case .literal(let text): text
            case .token: "{token}"
            case .type: "{type}"
            }
        }.joined()
    }

    private static let placeholders: [(name: String, part: Part)] = [("token", .token), ("type", .type)]

    /// Parses a format. Every `{` opens a placeholder; literal text is visible ASCII, space and tab.
    /// The text itself is never quoted back: someone may have pasted a token into it.
    init(parsing text: String) throws(InvalidValue) {
        if text.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) {
            throw InvalidValue("must not contain CR, LF or NUL")
        }
        guard text.utf8.allSatisfy(HeaderSyntax.isValueByte) else {
            throw InvalidValue("may contain only visible ASCII, space and tab")
        }
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex {
                parts.append(.literal(String(rest[..<open])))
            }
            guard let close = rest[open...].firstIndex(of: "}") else { throw InvalidValue("unclosed \"{\"") }
            let name = String(rest[rest.index(after: open)..<close])
            guard let placeholder = Self.placeholders.first(where: { $0.name == name }) else {
                let known = Self.placeholders.map(\.name)
                let suggestion = Suggestion.closest(to: name, among: known).map { "; did you mean \"{\($0)}\"?" } ?? ""
                // Short names only: a long one may be a token pasted into the format.
                let shown = name.count <= 20 && HeaderSyntax.isToken(name) ? " \"{\(name)}\"" : ""
                throw InvalidValue("unknown placeholder\(shown)\(suggestion) (known: {token}, {type})")
            }
            parts.append(placeholder.part)
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty {
            parts.append(.literal(String(rest)))
        }
        guard parts.contains(.token) else { throw InvalidValue("must contain {token}") }
        self.init(parts: parts)
    }
}
