/// Why fetching a token failed, in words safe to log, and whether trying again soon can help.
///
/// The summary is short and never holds token or body bytes: it reads like `issuer answered 500`
/// or `response had no field "access_token"`. Text the issuer sends about an error (an OAuth2
/// `error_description`) is not secret and is kept, after `issuerText(_:)` made it printable.
package struct FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// May pass by itself: a timeout, a 5xx, a 429. Retried with the short backoff, but no
        /// sooner than `retryAfter` when the issuer said so.
        case transient(retryAfter: Duration?)
        /// Will not pass until someone changes something: a rejected client, a malformed answer.
        /// Retried with the long backoff.
        case permanent
    }

    package var kind: Kind
    package var summary: String

    package init(kind: Kind, summary: String) {
        self.kind = kind
        self.summary = summary
    }

    package static func transient(_ summary: String, retryAfter: Duration? = nil) -> FetchFailure {
        FetchFailure(kind: .transient(retryAfter: retryAfter), summary: summary)
    }

    package static func permanent(_ summary: String) -> FetchFailure {
        FetchFailure(kind: .permanent, summary: summary)
    }

    package var isPermanent: Bool { kind == .permanent }

    /// A label-safe short form for metrics: `transient` or `permanent`.
    package var kindLabel: String { isPermanent ? "permanent" : "transient" }

    package var description: String { summary }

    /// The longest issuer-supplied text kept in a summary, in characters.
    package static let maximumIssuerTextLength = 160

    /// Issuer-supplied text made safe for a one-line log: control characters become spaces, runs
    /// of spaces collapse, and text beyond `maximumIssuerTextLength` is cut with an ellipsis.
    package static func issuerText(_ text: String) -> String {
        var result = ""
        var count = 0
        for character in text {
            let printable = character.unicodeScalars.allSatisfy { !$0.properties.generalCategory.isControl }
            let next: Character = printable ? character : " "
            if next == " ", result.isEmpty || result.last == " " { continue }
            if count == maximumIssuerTextLength {
                return result + "…"
            }
            result.append(next)
            count += 1
        }
        return result.last == " " ? String(result.dropLast()) : result
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isControl: Bool {
        switch self {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
            true
        default:
            false
        }
    }
}
