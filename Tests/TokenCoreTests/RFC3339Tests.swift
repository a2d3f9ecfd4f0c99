import Testing

@testable import TokenCore

@Suite struct RFC3339Tests {
    static let valid: [(String, WallTime)] = [
        ("1970-01-01T00:00:00Z", WallTime(secondsSinceEpoch: 0)),
        ("1969-12-31T23:59:59Z", WallTime(secondsSinceEpoch: -1)),
        ("2023-11-14T22:13:20Z", WallTime(secondsSinceEpoch: 1_700_000_000)),
        ("2023-11-14T22:13:20.5Z", WallTime(secondsSinceEpoch: 1_700_000_000, nanoseconds: 500_000_000)),
        ("2023-11-14T22:13:20.000000001Z", WallTime(secondsSinceEpoch: 1_700_000_000, nanoseconds: 1)),
        ("2023-11-14T22:13:20.123456789987Z", WallTime(secondsSinceEpoch: 1_700_000_000, nanoseconds: 123_456_789)),
        ("2023-11-14T23:13:20+01:00", WallTime(secondsSinceEpoch: 1_700_000_000)),
        ("2023-11-14T16:43:20-05:30", WallTime(secondsSinceEpoch: 1_700_000_000)),
        ("2023-11-14T22:13:20-00:00", WallTime(secondsSinceEpoch: 1_700_000_000)),
        ("2023-11-14t22:13:20z", WallTime(secondsSinceEpoch: 1_700_000_000)),
        ("2023-11-14 22:13:20Z", WallTime(secondsSinceEpoch: 1_700_000_000)),
        ("2024-02-29T00:00:00Z", WallTime(secondsSinceEpoch: 1_709_164_800)),
        ("2000-03-01T00:00:00Z", WallTime(secondsSinceEpoch: 951_868_800)),
        ("2016-12-31T23:59:60Z", WallTime(secondsSinceEpoch: 1_483_228_800)),
        ("0001-01-01T00:00:00Z", WallTime(secondsSinceEpoch: -62_135_596_800)),
        ("9999-12-31T23:59:59Z", WallTime(secondsSinceEpoch: 253_402_300_799)),
    ]

    @Test("reads RFC 3339 timestamps in UTC and with offsets, fractions and leap days")
    func valid() {
        for (text, time) in Self.valid {
            #expect(RFC3339.parse(text) == time, "\(text)")
        }
    }

    static let invalid = [
        "", "2023-11-14", "2023-11-14T22:13:20", "2023-11-14T22:13Z", "2023-11-14T22:13:20.Z",
        "2023-11-14T22:13:20+0100", "2023-11-14T22:13:20+01", "2023-11-14T22:13:20Z ", " 2023-11-14T22:13:20Z",
        "2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2023-04-31T00:00:00Z", "2023-00-10T00:00:00Z",
        "2023-13-01T00:00:00Z", "2023-11-00T00:00:00Z", "2023-11-14T24:00:00Z", "2023-11-14T22:60:00Z",
        "2023-11-14T22:13:61Z", "2023-11-14T22:13:20+24:00", "2023-11-14T22:13:20+01:60", "23-11-14T22:13:20Z",
        "2023-11-14X22:13:20Z", "２023-11-14T22:13:20Z", "2023-11-14T22:13:20ZZ", "1700000000",
    ]

    @Test("refuses malformed timestamps and days that do not exist")
    func invalid() {
        for text in Self.invalid {
            #expect(RFC3339.parse(text) == nil, "\(text)")
        }
    }
}
