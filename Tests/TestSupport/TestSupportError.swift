import Glibc

/// Why a test peer gave up: the message says what was awaited and what was seen instead, so a failing
/// test explains itself without a rerun.
package struct TestSupportError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure, for tests that expect one (`#expect(throws:)` with a predicate).
    package enum Kind: Sendable, Equatable {
        /// A wait reached its deadline.
        case timeout
        /// The other side closed the connection (or reset it) where more bytes were expected.
        case closed
        /// The other side sent bytes that are not the HTTP/1.1 this peer expected.
        case protocolViolation
        /// A system call failed.
        case system
        /// A child process could not be started or ended the wrong way.
        case process
        /// The test used a peer the wrong way (two response heads, a chunk on a Content-Length body).
        case misuse
    }

    package let kind: Kind
    package let message: String

    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    package var description: String { message }

    /// A failed system call, named with errno's text (read `errno` right after the call).
    package static func system(_ call: String, errno code: Int32 = errno) -> TestSupportError {
        TestSupportError(.system, "\(call) failed: \(String(cString: strerror(code))) (errno \(code))")
    }
}
