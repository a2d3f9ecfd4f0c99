/// A header sent to a token endpoint: `headers: { "X-License": { env: "LICENSE" }, Accept: "application/json" }`.
package struct IssuerHeader: Equatable, Sendable {
    package var name: String
    package var value: TextValue

    package init(name: String, value: TextValue) {
        self.name = name
        self.value = value
    }

    /// The `headers` object: names are tokens and not framing or hop-by-hop headers (libcurl sets
    /// those); plain values are visible ASCII, space and tab, and not empty (libcurl reads an empty
    /// value as "remove this header").
    static func list(from member: Member) throws -> [IssuerHeader] {
        try member.namedTextValues(caseInsensitive: true) { name, value throws(InvalidValue) in
            try HeaderSyntax.checkInjectable(name)
            guard case .text(let text) = value else { return }
            guard !text.isEmpty else { throw InvalidValue("must not be empty") }
            guard text.utf8.allSatisfy(HeaderSyntax.isValueByte) else {
                throw InvalidValue("the value may contain only visible ASCII, space and tab")
            }
        }
        .map { IssuerHeader(name: $0.name, value: $0.value) }
    }

    /// `Accept, X-License from env LICENSE`
    static func summary(_ headers: [IssuerHeader]) -> String {
        headers.map { header in
            header.value.secretReference.map { "\(header.name) from \($0)" } ?? header.name
        }
        .joined(separator: ", ")
    }
}
