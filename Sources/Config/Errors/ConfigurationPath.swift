/// Where a value sits in the configuration document: `routes[1].credential`, `credentials.k8s.path`.
///
/// Keys made only of letters, digits, `_`, `$` and `-` print bare after a dot; any other key prints
/// quoted in brackets (`credentials["my.cred"].value`) so that the path stays unambiguous.
package struct ConfigurationPath: Hashable, Sendable, CustomStringConvertible {
    package enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    package var components: [Component]

    package init(_ components: [Component] = []) {
        self.components = components
    }

    /// The path of a `Decoder` or `DecodingError.Context`: keys with an `intValue` are array indices.
    init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in
            if let index = key.intValue { .index(index) } else { .key(key.stringValue) }
        }
    }

    package static let root = ConfigurationPath()

    package var isRoot: Bool { components.isEmpty }

    package var parent: ConfigurationPath? {
        isRoot ? nil : ConfigurationPath(Array(components.dropLast()))
    }

    package func appending(_ key: String) -> ConfigurationPath {
        ConfigurationPath(components + [.key(key)])
    }

    package func appending(index: Int) -> ConfigurationPath {
        ConfigurationPath(components + [.index(index)])
    }

    package var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.printsBare(key):
                text += text.isEmpty ? key : ".\(key)"
            case .key(let key):
                text += "[\(Self.quoted(key))]"
            }
        }
        return text
    }

    private static func printsBare(_ key: String) -> Bool {
        !key.isEmpty
            && key.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "$"), UInt8(ascii: "-"):
                    true
                default:
                    false
                }
            }
    }

    /// A JSON string literal for `text`, with control characters escaped so a message stays one line.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{0}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
