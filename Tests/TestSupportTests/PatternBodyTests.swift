import TestSupport
import Testing

@Suite("PatternBody")
struct PatternBodyTests {
    @Test("The pattern body's digest does not depend on how the body is cut")
    func patternDigest() {
        var pieces = BodyDigest()
        pieces.update(PatternBody.bytes(offset: 0, count: 1000))
        pieces.update(PatternBody.bytes(offset: 1000, count: 2_097_152 - 1000))

        #expect(pieces == PatternBody.digest(count: 2_097_152))
        #expect(pieces == BodyDigest(of: PatternBody.bytes(count: 2_097_152)))
        #expect(PatternBody.bytes(offset: 250, count: 3) == [250, 0, 1])
    }
}
