/// A value that may be written in the file or read from elsewhere: a plain string, or a secret
/// reference (`{ env: "NAME" }`, `{ file: "/path" }`, `{ systemd: "NAME" }`).
///
/// Used where a value is sometimes secret and sometimes not: an issuer request's header or body, an
/// OAuth2 client id or extra parameter, a command's environment variable. A plain string here is not
/// an inline secret and draws no warning; `check` never shows either kind of value.
package enum TextValue: Equatable, Sendable, CustomStringConvertible {
    case text(String)
    case secret(SecretReference)

    /// The reference, if the value is read from one.
    package var secretReference: SecretReference? {
        if case .secret(let reference) = self { reference } else { nil }
    }

    /// `text` or `from env NAME`: where the value comes from, never the value.
    package var description: String {
        switch self {
        case .text: "text"
        case .secret(let reference): "from \(reference)"
        }
    }
}

extension Member {
    /// A plain string, or a secret reference.
    func textValue() throws -> TextValue {
        if let text = try? string() {
            return .text(text)
        }
        return .secret(try decode(SecretReference.self))
    }
}
