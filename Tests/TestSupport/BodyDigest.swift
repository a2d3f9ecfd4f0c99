/// The length and FNV-1a hash of a body, kept instead of the bytes when a body is too large to hold.
package struct BodyDigest: Sendable, Hashable, CustomStringConvertible {
    package private(set) var length = 0
    package private(set) var fnv1a: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package init(of bytes: some Sequence<UInt8>) {
        update(bytes)
    }

    package mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            var hash = fnv1a
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* Self.prime }
            fnv1a = hash
            length &+= buffer.count
        }
        guard done == nil else { return }
        for byte in bytes {
            fnv1a = (fnv1a ^ UInt64(byte)) &* Self.prime
            length &+= 1
        }
    }

    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    package var description: String { "\(length) bytes, fnv1a \(String(fnv1a, radix: 16))" }
}

/// Whether a peer keeps the body bytes or only their `BodyDigest` (for bodies of many megabytes).
package enum BodyMode: Sendable {
    case collect
    case count
}

/// A deterministic body of any length: byte i is i mod 251 (a prime, so the pattern does not line up
/// with power-of-two buffer sizes and a lost or repeated block changes the digest).
package enum PatternBody {
    /// `count` bytes of the pattern starting at `offset`.
    package static func bytes(offset: Int = 0, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        let phase = (offset % 251 + 251) % 251
        while bytes.count < count {
            bytes.append(contentsOf: cycle[phase..<(phase + min(251, count - bytes.count))])
        }
        return bytes
    }

    /// Two periods, so that any phase can be followed by a whole period in one slice.
    private static let cycle: [UInt8] = (0..<502).map { UInt8($0 % 251) }

    /// The digest of the first `count` bytes, computed piecewise so a 1 GB body needs no 1 GB array.
    package static func digest(count: Int) -> BodyDigest {
        var digest = BodyDigest()
        var offset = 0
        while offset < count {
            let piece = min(1 << 20, count - offset)
            digest.update(bytes(offset: offset, count: piece))
            offset += piece
        }
        return digest
    }
}
