import Testing

@testable import TokenCore

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator, so every jittered instant in
/// these tests is a fixed value.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

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

/// Always draws zero: no jitter, so refresh moments are exactly `lifetime * refreshAt`.
struct NoJitter: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}

extension Instant {
    /// An instant `seconds` after the test clock's origin.
    static func at(_ seconds: Int64, milliseconds: Int64 = 0) -> Instant {
        Instant(sinceOrigin: .seconds(seconds) + .milliseconds(milliseconds))
    }
}

/// The wall time the tests' tokens arrive at: 2023-11-14T22:13:20Z.
let wallNow = WallTime(secondsSinceEpoch: 1_700_000_000)

/// An unsigned JWT (`alg: none`) with the given claims JSON.
func jwt(_ claims: String) -> Secret {
    Secret(base64URL(Array(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "." + base64URL(Array(claims.utf8)) + ".c2ln")
}

/// A JWT issued at `issuedAt` seconds since the epoch (omitted when nil), expiring at `expiresAt`.
func jwt(issuedAt: Int64?, expiresAt: Int64) -> Secret {
    jwt(
        issuedAt.map { #"{"sub":"agent","iat":\#($0),"exp":\#(expiresAt)}"# } ?? #"{"sub":"agent","exp":\#(expiresAt)}"#
    )
}

func base64URL(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    var text = ""
    var index = 0
    while index < bytes.count {
        let chunk = bytes[index..<min(index + 3, bytes.count)]
        var value: UInt32 = 0
        for (offset, byte) in chunk.enumerated() {
            value |= UInt32(byte) << UInt32(16 - 8 * offset)
        }
        for position in 0...chunk.count {
            text.append(alphabet[Int((value >> UInt32(18 - 6 * position)) & 0x3F)])
        }
        index += 3
    }
    return text
}

func revealed(_ secret: Secret) -> String {
    secret.withRevealedBytes { String(decoding: $0, as: UTF8.self) }
}

extension TokenMaterial {
    static func opaque(_ token: String, expiresIn seconds: Int64? = nil) -> TokenMaterial {
        TokenMaterial(secret: Secret(token), expiresIn: seconds.map { .seconds($0) })
    }
}
