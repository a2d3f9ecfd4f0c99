import Glibc

/// A failed system call: its name and the `errno` it left.
package struct SystemError: Error, CustomStringConvertible, Equatable {
    package var call: String
    package var errno: Int32

    package init(_ call: String, errno: Int32 = Glibc.errno) {
        self.call = call
        self.errno = errno
    }

    package var description: String {
        "\(call): \(String(cString: strerror(errno)))"
    }
}

/// What a non-blocking call did.
package enum IOResult<Value> {
    case done(Value)
    case wouldBlock
}

/// Runs a system call the way every call in bearerd is run: `EINTR` is retried, `EAGAIN` becomes
/// `.wouldBlock`, `EBADF` and `EFAULT` are our own bugs (a closed or foreign descriptor, a bad
/// pointer) and stop the process; every other error is thrown with the call's name.
@inline(__always)
package func syscall<T: FixedWidthInteger>(
    _ name: StaticString, _ body: () -> T
) throws(SystemError) -> IOResult<T> {
    while true {
        let result = body()
        if result >= 0 { return .done(result) }
        let code = Glibc.errno
        switch code {
        case EINTR: continue
        case EAGAIN: return .wouldBlock
        case EBADF, EFAULT: preconditionFailure("\(name): \(String(cString: strerror(code)))")
        default: throw SystemError("\(name)", errno: code)
        }
    }
}

/// Like `syscall`, for calls that cannot block.
@inline(__always)
package func blockingSyscall<T: FixedWidthInteger>(
    _ name: StaticString, _ body: () -> T
) throws(SystemError) -> T {
    switch try syscall(name, body) {
    case .done(let value): return value
    case .wouldBlock: throw SystemError("\(name)", errno: EAGAIN)
    }
}
