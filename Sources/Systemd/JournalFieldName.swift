/// The name of a journal field, valid by construction.
///
/// `sd_journal_print(3)`: "The variable name must be in uppercase and consist only of characters,
/// numbers and underscores, and may not begin with an underscore." journald also drops names that
/// start with a digit or are longer than 64 bytes (`journal_field_valid()` in systemd's
/// `journal-file.c`); those are refused here too, so no field is lost silently. Names starting with
/// `_` are trusted fields that only journald may set (`systemd.journal-fields(7)`).
package struct JournalFieldName: Sendable, Hashable, CustomStringConvertible {
    package let rawValue: String

    /// journald's longest field name.
    package static let maximumLength = 64

    /// The prefix of bearerd's own fields.
    package static let bearerdPrefix = "BEARERD_"

    /// `name` if it is valid, else nil.
    package init?(_ name: String) {
        guard Self.isValid(name) else { return nil }
        rawValue = name
    }

    /// bearerd's field for a log key: `route` -> `BEARERD_ROUTE`, `retryIn` -> `BEARERD_RETRY_IN`,
    /// `content-type` -> `BEARERD_CONTENT_TYPE`. Letters are uppercased, a lowercase-to-uppercase step
    /// becomes `_`, and anything but ASCII letters and digits becomes `_`. Nil when the key is empty or
    /// the name would be longer than `maximumLength`.
    package init?(bearerdKey key: String) {
        guard !key.isEmpty else { return nil }
        var name = Self.bearerdPrefix
        var previousWasLower = false
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                name.unicodeScalars.append(Unicode.Scalar(byte - 0x20))
                previousWasLower = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if previousWasLower { name += "_" }
                name.unicodeScalars.append(Unicode.Scalar(byte))
                previousWasLower = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                name.unicodeScalars.append(Unicode.Scalar(byte))
                previousWasLower = false
            default:
                // A multi-byte character yields one `_` per byte; names are ours, not the network's.
                name += "_"
                previousWasLower = false
            }
        }
        self.init(name)
    }

    package var description: String { rawValue }

    /// 1 to 64 bytes of `A-Z`, `0-9` and `_`, not starting with `_` or a digit.
    static func isValid(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= maximumLength else { return false }
        guard first != UInt8(ascii: "_"), !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }
}
