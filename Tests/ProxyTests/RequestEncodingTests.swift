import FoundationEssentials
import Testing
import TokenCore

@testable import Proxy

/// The byte encodings issuer requests are built with; the exact bodies on the wire are asserted by
/// the OAuth2 and HTTP source tests.
@Suite struct RequestEncodingTests {
    func revealed(_ secret: Secret) -> String {
        secret.withRevealedBytes { String(decoding: $0, as: UTF8.self) }
    }

    @Test func formEncodingKeepsOnlyUnreservedBytesAndWritesSpaceAsPlus() {
        var output: [UInt8] = []
        FormEncoding.append(Array("aZ09*-._ ~!é:/".utf8), to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "aZ09*-._+%7E%21%C3%A9%3A%2F")
    }

    @Test(arguments: ["", "f", "fo", "foo", "foob", "fooba", "foobar", "\u{0}\u{FF}binary"])
    func base64MatchesFoundation(text: String) {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        bytes.withUnsafeBufferPointer { Base64.append($0, to: &output) }
        #expect(String(decoding: output, as: UTF8.self) == Data(bytes).base64EncodedString())
        #expect(output.count == Base64.encodedCount(bytes.count))
    }

    @Test func theBasicCredentialIsTheBase64OfTheFormEncodedIdAndSecret() {
        let value = IssuerTokenSource.basicAuthorization(Secret("my client"), Secret("p@ss:word"))
        #expect(revealed(value) == "Basic " + Data("my+client:p%40ss%3Aword".utf8).base64EncodedString())
    }

    @Test func aFormBodyJoinsEncodedFieldsInOrder() {
        let body = IssuerTokenSource.formBody([("grant_type", Secret("client_credentials")), ("scope", Secret("a b"))])
        #expect(revealed(body) == "grant_type=client_credentials&scope=a+b")
    }

    @Test func jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
        var output: [UInt8] = []
        JSONString.appendEscaped(Array("a\"b\\c\n\u{1}é".utf8), to: &output)
        #expect(String(decoding: output, as: UTF8.self) == #"a\"b\\c\u000a\u0001é"#)
    }

    @Test func jsonNumbersAreWholeWhenTheyCanBe() {
        #expect(IssuerTokenSource.jsonNumber(3600) == "3600")
        #expect(IssuerTokenSource.jsonNumber(-2) == "-2")
        #expect(IssuerTokenSource.jsonNumber(1.5) == "1.5")
        #expect(IssuerTokenSource.jsonNumber(1e300) == "1e+300")
    }

    @Test func secretBytesGrowWithoutLosingBytes() {
        var bytes = SecretBytes(capacity: 1)
        for index in 0..<100 { bytes.append(UInt8(index)) }
        #expect(revealed(bytes.secret).utf8.count == 100)
        bytes.secret.withRevealedBytes { #expect(Array($0) == (0..<100).map(UInt8.init)) }
    }
}
