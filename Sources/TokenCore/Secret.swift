/// Bytes that must never be shown: a token, an API key, a client secret.
///
/// A `Secret` cannot print itself: `description`, `debugDescription` and `customMirror` all say
/// `<redacted>`, so `print`, `dump`, string interpolation, error messages and a failing `#expect`
/// cannot leak it. It is deliberately not `Codable`. The one way to the bytes is
/// `withRevealedBytes`, used where a header is written, so `grep withRevealedBytes` finds every use.
package struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let storage: [UInt8]

    package init(bytes: some Sequence<UInt8>) {
        storage = Array(bytes)
    }

    package init(_ string: String) {
        storage = Array(string.utf8)
    }

    package var description: String { "<redacted>" }
    package var debugDescription: String { "<redacted>" }
    package var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    package var isEmpty: Bool { storage.isEmpty }
    package var count: Int { storage.count }

    /// Hands the secret's bytes to `body`. Every caller is a place where the secret leaves
    /// bearerd's control (an upstream header, an issuer request), so keep them few.
    package func withRevealedBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Compares in time independent of where the first difference is.
    package func isEqual(to other: Secret) -> Bool {
        guard storage.count == other.storage.count else { return false }
        var difference: UInt8 = 0
        for index in storage.indices {
            difference |= storage[index] ^ other.storage[index]
        }
        return difference == 0
    }

    /// `isEqual(to:)`, so values holding a secret (a `Token`, an action) can be compared in tests.
    package static func == (lhs: Secret, rhs: Secret) -> Bool {
        lhs.isEqual(to: rhs)
    }
}
