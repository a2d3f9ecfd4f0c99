import Glibc

/// A libsystemd call that failed: the function and the errno-style code it returned (libsystemd
/// returns `-errno`; this holds the positive value).
package struct SystemdError: Error, Equatable, CustomStringConvertible {
    package var function: String
    package var errno: Int32

    package init(_ function: String, errno: Int32) {
        self.function = function
        self.errno = errno
    }

    /// From a libsystemd return value, which is negative on failure.
    init(_ function: String, returned result: Int32) {
        self.init(function, errno: result == Int32.min ? EINVAL : -result)
    }

    /// `sd_notify: Connection refused`
    package var description: String {
        "\(function): \(String(cString: strerror(errno)))"
    }
}
