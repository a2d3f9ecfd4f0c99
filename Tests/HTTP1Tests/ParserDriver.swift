import Testing

@testable import HTTP1

/// What a caller sees from the parser. Adjacent body pieces are joined, since how a body is cut
/// into events depends on how the input was cut.
enum Seen: Equatable, CustomStringConvertible {
    case head(RequestHead)
    case body([UInt8])
    case end
    case error(status: Int, reason: String)

    var description: String {
        switch self {
        case .head(let head): "head(\(head.method) \(latin1(head.target)))"
        case .body(let bytes): "body(\(bytes.count) bytes)"
        case .end: "end"
        case .error(let status, let reason): "error(\(status) \(reason))"
        }
    }
}

/// Plays the caller of `RequestParser`: keeps the unconsumed bytes, appends each piece, calls
/// `parse` until it needs more, and drops what was consumed. Checks the step contract as it goes.
struct ParserDriver {
    private var parser: RequestParser
    private var buffer: [UInt8] = []
    private(set) var seen: [Seen] = []
    /// The most bytes the caller ever had to hold.
    private(set) var maxBuffered = 0
    private var failed = false

    init(limits: HTTPParserLimits = .init()) {
        parser = RequestParser(limits: limits)
    }

    mutating func feed(_ piece: some Collection<UInt8>) {
        buffer.append(contentsOf: piece)
        maxBuffered = max(maxBuffered, buffer.count)
        while !failed {
            let step = buffer.withUnsafeBufferPointer { parser.parse($0) }
            #expect(step.consumed >= 0 && step.consumed <= buffer.count)
            switch step.event {
            case .needMore:
                drop(step.consumed)
                return
            case .head(let head):
                seen.append(.head(head))
            case .body(let range):
                #expect(!range.isEmpty && range.lowerBound >= 0 && range.upperBound <= step.consumed)
                if case .body(let earlier) = seen.last {
                    seen[seen.count - 1] = .body(earlier + buffer[range])
                } else {
                    seen.append(.body(Array(buffer[range])))
                }
            case .end:
                seen.append(.end)
            case .error(let error):
                #expect(step.consumed == 0)
                seen.append(.error(status: error.status, reason: error.reason))
                failed = true
                let again = buffer.withUnsafeBufferPointer { parser.parse($0) }
                #expect(again == step, "a failed parser repeats its error")
            }
            drop(step.consumed)
        }
    }

    private mutating func drop(_ count: Int) {
        if count > 0 {
            buffer.removeFirst(count)
        }
    }
}

/// SplitMix64: a tiny seeded generator, so every split is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Parses `input` whole, byte by byte and in 20 seeded random splits; expects the same events
/// every way and returns them.
func parseEveryWay(
    _ input: [UInt8], limits: HTTPParserLimits = .init(), sourceLocation: SourceLocation = #_sourceLocation
) -> [Seen] {
    let whole = parse(input, cutAt: [], limits: limits)
    var byteByByte = ParserDriver(limits: limits)
    for byte in input {
        byteByByte.feed(CollectionOfOne(byte))
    }
    #expect(byteByByte.seen == whole, "fed byte by byte", sourceLocation: sourceLocation)
    var generator = SplitMix64(seed: 0xB3A2_E7D0 ^ UInt64(input.count))
    for _ in 0..<20 where input.count > 1 {
        let cutCount = Int.random(in: 1...min(8, input.count - 1), using: &generator)
        let cuts = Set((0..<cutCount).map { _ in Int.random(in: 1..<input.count, using: &generator) }).sorted()
        #expect(parse(input, cutAt: cuts, limits: limits) == whole, "cut at \(cuts)", sourceLocation: sourceLocation)
    }
    return whole
}

/// The events of `input` fed in pieces that end at `cuts`.
func parse(_ input: [UInt8], cutAt cuts: [Int], limits: HTTPParserLimits = .init()) -> [Seen] {
    var driver = ParserDriver(limits: limits)
    var start = 0
    for cut in cuts + [input.count] {
        driver.feed(input[start..<cut])
        start = cut
    }
    return driver.seen
}

/// Test inputs are written as Strings whose characters stand for one byte each (ISO 8859-1), so
/// "\u{FF}" is the single byte 0xFF. Characters above U+00FF are a mistake in the test.
func bytes(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
}

/// The inverse of `bytes(_:)`: one character per byte.
func latin1(_ bytes: some Sequence<UInt8>) -> String {
    String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
}
