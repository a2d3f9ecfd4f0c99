import FoundationEssentials

/// A JSON document as a value, decoded with FoundationEssentials' `JSONDecoder`.
///
/// Responses are looked up by path (`data.token`), so a fixed `Decodable` type per source would
/// not do. Numbers are `Double`; a number beyond `Double`'s range fails the whole document.
/// Of duplicate keys the first wins (what `JSONDecoder` does).
package enum JSONValue: Sendable, Equatable, Decodable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            self = .array(try container.decode([JSONValue].self))
        }
    }

    /// The document in `bytes`, or nil when they are not valid UTF-8 or not JSON.
    ///
    /// UTF-8 is checked first because `JSONDecoder` has been seen to trap on invalid UTF-8 in
    /// some positions (measured, see PLATFORM.md); input must never take the daemon down.
    package static func parse(_ bytes: some Collection<UInt8>) -> JSONValue? {
        guard String(validating: Array(bytes), as: UTF8.self) != nil else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// The value at `path`, or nil when a component is missing or a non-object is in the way.
    package subscript(path: JSONPath) -> JSONValue? {
        var current = self
        for key in path.components {
            guard case .object(let members) = current, let next = members[key] else { return nil }
            current = next
        }
        return current
    }

    package var kindName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A dotted path into a JSON document, such as `data.token`. Keys that contain a dot cannot be
/// named; no token endpoint seen uses one.
package struct JSONPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    package let components: [String]

    /// Nil for an empty path or one with an empty component (`a..b`, `.a`).
    package init?(_ dotted: String) {
        let components = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.contains(where: \.isEmpty) else { return nil }
        self.components = components
    }

    /// For literals in code; an invalid literal is a programming error.
    package init(stringLiteral value: String) {
        guard let path = JSONPath(value) else { preconditionFailure("invalid JSON path literal \"\(value)\"") }
        self = path
    }

    package var description: String { components.joined(separator: ".") }
}
