import Config
import FoundationEssentials
import Testing

/// SplitMix64: a seeded generator so that a failing mutation can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Any JSON value, decoded the way JSONDecoder decodes each kind, to check that the syntax scan
/// never passes something Foundation's decoder refuses or traps on.
enum AnyJSON: Decodable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([AnyJSON])
    case object([String: AnyJSON])

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var members: [String: AnyJSON] = [:]
            for key in object.allKeys {
                members[key.stringValue] = try object.decode(AnyJSON.self, forKey: key)
            }
            self = .object(members)
        } else if var array = try? decoder.unkeyedContainer() {
            var elements: [AnyJSON] = []
            while !array.isAtEnd {
                elements.append(try array.decode(AnyJSON.self))
            }
            self = .array(elements)
        } else {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() {
                self = .null
            } else if let bool = try? value.decode(Bool.self) {
                self = .bool(bool)
            } else if let string = try? value.decode(String.self) {
                self = .string(string)
            } else {
                self = .number(try value.decode(Double.self))
            }
        }
    }
}

@Suite struct FuzzTests {
    static let insertions: [[UInt8]] = [
        [0x7B], [0x22], [0xFF], [0x7D], [0x5B], [0x2C], [0x3A], [0x5C], [0x27], [0x2F, 0x2A],
        [0x65, 0x2B], [0xF8, 0x80, 0x80, 0x80], [0x00], [0x0A],
    ]

    static func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
            let position = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            case 1:
                bytes.removeSubrange(position...)
            case 2:
                bytes.insert(contentsOf: insertions.randomElement(using: &generator) ?? [], at: position)
            default:
                bytes.remove(at: position)
            }
        }
        return bytes
    }

    @Test func twoThousandMutationsOfTheExampleNeverCrashAndAlwaysExplainThemselves() {
        var generator = SeededGenerator(state: 0xBEA2_E2D0)
        let example = Array(exampleConfiguration.utf8)
        var outcomes = (parsed: 0, failed: 0)
        for _ in 0..<2000 {
            let input = Self.mutate(example, using: &generator)
            do {
                _ = try ConfigurationLoader.parse(input)
                outcomes.parsed += 1
            } catch {
                outcomes.failed += 1
                #expect(!error.errors.isEmpty)
                // "not valid JSON5" would mean the scan passed something the decoder refused.
                #expect(error.errors.allSatisfy { $0.location != nil && $0.message != "not valid JSON5" }, "\(error)")
            }
        }
        #expect(outcomes.parsed + outcomes.failed == 2000)
        #expect(outcomes.failed > 1000)
    }

    @Test func whatTheScanPassesJSONDecoderDecodesWithoutError() throws {
        var generator = SeededGenerator(state: 0x5CA7_0001)
        let example = Array(exampleConfiguration.utf8)
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        var passedScan = 0
        for _ in 0..<2000 {
            let input = Self.mutate(example, using: &generator)
            let errors: [ConfigurationError]
            do {
                _ = try ConfigurationLoader.parse(input)
                errors = []
            } catch {
                errors = error.errors
            }
            // Syntax and UTF-8 problems carry no key path; anything else means the scan passed.
            guard errors.allSatisfy({ !$0.keyPath.isRoot || $0.message == "expected an object" }) else { continue }
            passedScan += 1
            #expect(throws: Never.self, "\(String(decoding: input, as: UTF8.self))") {
                try decoder.decode(AnyJSON.self, from: Data(input))
            }
        }
        #expect(passedScan > 50)
    }

    @Test func inputsThatTrapJSONDecoderAreErrors() {
        let traps: [[UInt8]] = [
            [0x7B, 0xF8, 0x80, 0x80, 0x80, 0x3A, 0x31, 0x7D], Array("[1e+]".utf8), Array("{a:1e-}".utf8),
            Array("{a:.5E+}".utf8),
        ]
        for input in traps {
            #expect(problems(input).count == 1)
        }
    }
}
