/// `json: { licenseKey: { env: "LICENSE" }, audience: "api", days: 1 }`: a flat JSON object sent as
/// an issuer request's body (`Content-Type: application/json`), members in the order written.
///
/// A member is a string, a number, a boolean, or a secret reference whose value is sent as a JSON
/// string; an object is always read as a secret reference, so nested objects and arrays cannot be
/// written here (put such a body in a file and use `body: { file: ... }`).
package struct JSONBody: Equatable, Sendable {
    /// A member's value; a `TextValue` is sent as a JSON string.
    package enum Value: Equatable, Sendable {
        case string(TextValue)
        case number(Double)
        case bool(Bool)
    }

    /// One member, in the order written.
    package struct Member: Equatable, Sendable {
        package var name: String
        package var value: Value

        package init(name: String, value: Value) {
            self.name = name
            self.value = value
        }
    }

    package var members: [Member]

    package init(members: [Member]) {
        self.members = members
    }

    var secretReferences: [SecretReference] {
        members.compactMap { member in
            if case .string(let value) = member.value { value.secretReference } else { nil }
        }
    }
}

extension JSONBody: ConfigurationDecodable {
    init(decodingFrom decoder: any Decoder) throws {
        var object = try ObjectReader(decoder)
        var members: [Member] = []
        for name in object.keysInSourceOrder(decoder) {
            let value: Value? = object.required(name) { member in
                if let flag = try? member.bool() { return .bool(flag) }
                if let number = try? member.number() {
                    guard number.isFinite else { throw InvalidValue("must be a finite number") }
                    return .number(number)
                }
                if let text = try? member.string() { return .string(.text(text)) }
                if (try? member.container.nestedUnkeyedContainer(forKey: member.key)) != nil {
                    throw InvalidValue("arrays cannot be written in json; put such a body in a file and use body")
                }
                return .string(.secret(try member.decode(SecretReference.self)))
            }
            if let value { members.append(Member(name: name, value: value)) }
        }
        try object.finish()
        self.init(members: members)
    }
}
