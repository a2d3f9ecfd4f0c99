import CLinux
import Glibc

/// Thin, throwing wrappers over the socket calls bearerd makes. Descriptors are plain `Int32`s owned
/// by whoever opened them.
package enum Socket {
    /// The type of every socket bearerd opens: a stream, non-blocking, closed on exec.
    private static let nonBlockingStream = Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)

    /// A listening TCP socket on `host` (an IPv4 or IPv6 literal) and `port` (0 = any free port).
    package static func listenTCP(host: String, port: UInt16, backlog: Int32 = 4096) throws(SystemError) -> Int32 {
        var address6 = sockaddr_in6()
        var address4 = sockaddr_in()
        let isIPv6 = host.contains(":")
        if isIPv6 {
            address6.sin6_family = sa_family_t(AF_INET6)
            address6.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, host, &address6.sin6_addr) == 1 else {
                throw SystemError("inet_pton", errno: EINVAL)
            }
        } else {
            address4.sin_family = sa_family_t(AF_INET)
            address4.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host, &address4.sin_addr) == 1 else {
                throw SystemError("inet_pton", errno: EINVAL)
            }
        }
        let fd = try blockingSyscall("socket") {
            socket(isIPv6 ? AF_INET6 : AF_INET, nonBlockingStream, 0)
        }
        do {
            var one: Int32 = 1
            _ = try blockingSyscall("setsockopt(SO_REUSEADDR)") {
                setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            }
            if isIPv6 {
                _ = try blockingSyscall("bind") {
                    withUnsafePointer(to: &address6) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                            bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                        }
                    }
                }
            } else {
                _ = try blockingSyscall("bind") {
                    withUnsafePointer(to: &address4) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                            bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                        }
                    }
                }
            }
            _ = try blockingSyscall("listen") { Glibc.listen(fd, backlog) }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// A listening Unix stream socket at `path` with permissions `mode`. A stale socket file left by
    /// an earlier run is replaced; any other file at `path` is an error.
    package static func listenUnix(path: String, mode: mode_t, backlog: Int32 = 4096) throws(SystemError) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw SystemError("bind(\(path))", errno: ENAMETOOLONG)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        var existing = stat()
        if lstat(path, &existing) == 0 {
            guard existing.st_mode & S_IFMT == S_IFSOCK else { throw SystemError("bind(\(path))", errno: EEXIST) }
            unlink(path)
        }
        let fd = try blockingSyscall("socket") {
            socket(AF_UNIX, nonBlockingStream, 0)
        }
        do {
            // The socket file is created by bind with the umask applied; narrow it before anyone can
            // connect, then set the configured mode.
            let previousMask = umask(0o177)
            defer { umask(previousMask) }
            _ = try blockingSyscall("bind") {
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                    }
                }
            }
            _ = try blockingSyscall("chmod") { chmod(path, mode) }
            _ = try blockingSyscall("listen") { Glibc.listen(fd, backlog) }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// The port a TCP socket is bound to.
    package static func localPort(_ fd: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
        default:
            return nil
        }
    }

    /// Accepts one connection, non-blocking and close-on-exec.
    package static func accept(_ fd: Int32) throws(SystemError) -> IOResult<Int32> {
        try syscall("accept4") {
            bearerd_accept4(fd, nil, nil, Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue))
        }
    }

    /// Sends small writes at once: a proxied event stream must not wait for Nagle's algorithm.
    package static func setNoDelay(_ fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Reads into `buffer`; `.done(0)` is end of stream.
    package static func read(
        _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer
    ) throws(SystemError) -> IOResult<Int> {
        try syscall("read") { Glibc.read(fd, buffer.baseAddress, buffer.count) }
    }

    /// Writes without raising SIGPIPE when the peer is gone (that is an `EPIPE` error instead).
    package static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) -> IOResult<Int> {
        try syscall("send") { Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }
}
