import CLinux
import Glibc

/// The few socket calls the peers make, with EINTR retried and failures thrown with errno's text.
/// Every descriptor is close-on-exec so that children spawned by concurrent tests do not inherit it.
enum Socket {
    /// Listens on 127.0.0.1 port 0 and returns the socket with the port the kernel picked.
    static func listenOnLoopback() throws -> (SocketHandle, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError.system("socket") }
        let handle = SocketHandle(fd)
        var address = loopbackAddress(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw TestSupportError.system("bind 127.0.0.1:0") }
        guard listen(fd, 128) == 0 else { throw TestSupportError.system("listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw TestSupportError.system("getsockname") }
        return (handle, UInt16(bigEndian: address.sin_port))
    }

    /// Accepts one connection; nil once the listener was shut down (Linux then fails accept with EINVAL).
    static func accept(_ listener: SocketHandle) throws -> Int32? {
        while true {
            let fd = bearerd_accept4(listener.fd, nil, nil, Int32(SOCK_CLOEXEC.rawValue))
            if fd >= 0 {
                setNoDelay(fd)
                return fd
            }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EINVAL, EBADF: return nil
            default: throw TestSupportError.system("accept4")
            }
        }
    }

    static func connect(port: UInt16) throws -> SocketHandle {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError.system("socket") }
        let handle = SocketHandle(fd)
        var address = loopbackAddress(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else { throw TestSupportError.system("connect to 127.0.0.1:\(port)") }
        setNoDelay(fd)
        return handle
    }

    /// Peers write a head and a body separately: without this, Nagle's algorithm and the other side's
    /// delayed ACK hold the body back 40 ms.
    static func setNoDelay(_ fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    static func connect(unixPath path: String) throws -> SocketHandle {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError.system("socket") }
        let handle = SocketHandle(fd)
        let result = try withUnixAddress(path) { address, length in Glibc.connect(fd, address, length) }
        guard result == 0 else { throw TestSupportError.system("connect to unix:\(path)") }
        return handle
    }

    /// Calls `body` with a sockaddr_un for `path`; throws if the path does not fit in sun_path.
    static func withUnixAddress<R>(
        _ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) throws -> R
    ) throws -> R {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            throw TestSupportError(.system, "unix socket path is \(bytes.count) bytes, limit \(capacity - 1): \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        return try withUnsafePointer(to: &address) {
            try $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                try body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }

    /// Writes every byte (MSG_NOSIGNAL: a closed peer is an error to report, not a SIGPIPE).
    /// Throws `.closed` when the peer has gone (EPIPE, ECONNRESET).
    static func send(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written >= 0 {
                offset += written
                continue
            }
            switch errno {
            case EINTR: continue
            case EPIPE, ECONNRESET:
                throw TestSupportError(.closed, "peer closed the connection after \(offset) of \(bytes.count) bytes")
            default: throw TestSupportError.system("send")
            }
        }
    }

    /// Waits until `fd` is readable (or closed); false when the deadline passed first.
    static func waitReadable(_ fd: Int32, deadline: Deadline?) throws -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, pollMilliseconds(deadline))
            if ready > 0 { return true }
            if ready == 0 { return false }
            guard errno == EINTR else { throw TestSupportError.system("poll") }
        }
    }

    /// One recv of up to `capacity` bytes: empty at end of stream; a reset counts as end of stream
    /// (`reset` tells which).
    static func receive(_ fd: Int32, capacity: Int = 65536) throws -> (bytes: [UInt8], reset: Bool) {
        var buffer = [UInt8](repeating: 0, count: capacity)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count >= 0 {
                buffer.removeSubrange(count...)
                return (buffer, false)
            }
            switch errno {
            case EINTR: continue
            case ECONNRESET: return ([], true)
            default: throw TestSupportError.system("recv")
            }
        }
    }

    private static func loopbackAddress(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        return address
    }
}
