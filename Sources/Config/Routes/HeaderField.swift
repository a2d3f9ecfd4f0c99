/// A header a route always sends upstream.
package struct HeaderField: Equatable, Sendable {
    package var name: String
    /// Visible ASCII, space and tab. Not handled as a secret: a token belongs in a credential.
    package var value: String

    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
