/// The backslash escapes of text bearerd writes between double quotes: JSON strings in the bodies it
/// makes, and log field values. Escaped text can neither end its quotes nor break its line.
enum QuotedText {
    /// `text` with `"`, `\`, `\n`, `\r` and `\t` escaped by letter and every other control character
    /// (and DEL) spelled by `control`, which gets the character's value.
    static func escaped(_ text: String, control: (UInt32) -> String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{1F}", "\u{7F}": out += control(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
