import Testing
import TokenCore

@testable import Proxy

@Suite struct StderrExcerptTests {
    func excerpt(_ text: String, _ secrets: [String] = [], limit: Int = StderrExcerpt.maximumLength) -> String {
        StderrExcerpt.make(Array(text.utf8), redacting: secrets.map(Secret.init), limit: limit)
    }

    @Test func everyOccurrenceOfEverySecretIsRedactedTheLongestFirst() {
        #expect(
            excerpt("tok and tok-extended and tok", ["tok", "tok-extended"])
                == "<redacted> and <redacted> and <redacted>")
        #expect(excerpt("nothing to hide", ["absent", ""]) == "nothing to hide")
    }

    @Test func controlCharactersAreEscapedSoTheExcerptIsOneLine() {
        #expect(excerpt("a\nb\tc\r\u{1B}[31md\\e\u{7F}\n\n") == #"a\nb\tc\r\x1b[31md\\e\x7f"#)
        #expect(excerpt("left\u{202E}right") == #"left\u{202e}right"#)
        #expect(excerpt("caf\u{E9} \u{1F600}") == "caf\u{E9} \u{1F600}")
    }

    @Test func invalidUTF8ShowsAsReplacementCharacters() {
        #expect(StderrExcerpt.make([0x61, 0xFF, 0x62], redacting: []) == "a\u{FFFD}b")
    }

    @Test func aLongExcerptIsCutToTheLimitOnACharacterBoundary() {
        let cut = excerpt(String(repeating: "x", count: 600))
        #expect(cut == String(repeating: "x", count: 500) + "…")
        #expect(excerpt("ab\ncd", limit: 3) == "ab…")
        #expect(excerpt("é\u{E9}", limit: 3) == "é…")
    }

    @Test func theRedactionHappensBeforeTheCutSoNoPartOfASecretShows() {
        let secret = "s3cr3t-value"
        let text = String(repeating: "y", count: 495) + secret
        #expect(!excerpt(text, [secret]).contains("s3c"))
    }

    @Test func theFirstLineIsTheFirstThatIsNotBlank() {
        let bytes = Array("\n  \nfirst tok\nsecond\n".utf8)
        #expect(StderrExcerpt.firstLine(bytes, redacting: [Secret("tok")], limit: 160) == "first <redacted>")
        #expect(StderrExcerpt.firstLine(Array("\n\n".utf8), redacting: [], limit: 160) == "")
    }
}
