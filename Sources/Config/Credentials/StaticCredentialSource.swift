/// `source: "static"`: a token that does not change, from `value` (a `SecretReference`).
package struct StaticCredentialSource: Equatable, Sendable, CredentialSourceDetails {
    package var value: SecretReference

    package init(value: SecretReference) {
        self.value = value
    }

    var summary: String { "static, value \(value.isLiteral ? "" : "from ")\(value)" }
    var secretReferences: [SecretReference] { [value] }

    static let kind = CredentialSourceKind(name: "static", keys: ["value"]) { object in
        object.required("value") { try $0.decode(SecretReference.self) }.map { .static(Self(value: $0)) }
    }
}
