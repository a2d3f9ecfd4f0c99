/// One entry of an object of named `TextValue`s, in the order the file writes them: an issuer
/// request's header, an OAuth2 extra parameter, a command's environment variable.
package struct NamedTextValue: Equatable, Sendable {
    package var name: String
    package var value: TextValue

    package init(name: String, value: TextValue) {
        self.name = name
        self.value = value
    }

    /// `HOME from env HOME`, or the bare name for a plain value (which is never shown).
    var summary: String {
        value.secretReference.map { "\(name) from \($0)" } ?? name
    }
}
