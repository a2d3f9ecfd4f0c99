import Testing

@testable import TokenCore

@Suite struct IssuerStatusTests {
    static let cases: [(Int, String?, IssuerStatus)] = [
        (200, nil, .success),
        (201, "30", .success),
        (400, nil, .permanent),
        (401, "30", .permanent),
        (403, nil, .permanent),
        (404, nil, .permanent),
        (302, nil, .permanent),
        (408, nil, .transient(retryAfter: nil)),
        (429, "120", .transient(retryAfter: .seconds(120))),
        (429, " 7 ", .transient(retryAfter: .seconds(7))),
        (503, "Wed, 21 Oct 2015 07:28:00 GMT", .transient(retryAfter: nil)),
        (500, nil, .transient(retryAfter: nil)),
        (502, "-5", .transient(retryAfter: nil)),
        (504, "99999999999999999999999", .transient(retryAfter: .seconds(86_400))),
    ]

    @Test("classifies 2xx as success, 408/429/5xx as transient with Retry-After, the rest as permanent")
    func classify() {
        for (status, retryAfter, expected) in Self.cases {
            #expect(IssuerStatus.classify(status, retryAfter: retryAfter) == expected, "\(status) \(retryAfter ?? "-")")
        }
    }

    @Test("Retry-After reads delay-seconds only")
    func retryAfter() {
        #expect(RetryAfter.parse("0") == .zero)
        #expect(RetryAfter.parse("3600") == .seconds(3600))
        #expect(RetryAfter.parse("") == nil)
        #expect(RetryAfter.parse("1.5") == nil)
        #expect(RetryAfter.parse("+5") == nil)
        #expect(RetryAfter.parse("Fri, 31 Dec 1999 23:59:59 GMT") == nil)
    }
}
