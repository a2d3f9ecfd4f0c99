import Glibc

extension SocketAddress {
    /// The address `fd` is bound to (`getsockname(2)`); nil for other families or when the call fails.
    init?(localAddressOf fd: Int32) {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        let size = Int(length)
        switch Int32(storage.ss_family) {
        case AF_INET:
            let (address, port) = withUnsafeBytes(of: storage) { raw in
                let inet = raw.loadUnaligned(as: sockaddr_in.self)
                return (inet.sin_addr, UInt16(bigEndian: inet.sin_port))
            }
            guard let host = Self.numericHost(AF_INET, address) else { return nil }
            self = .tcp(host: host, port: port)
        case AF_INET6:
            let (address, port) = withUnsafeBytes(of: storage) { raw in
                let inet6 = raw.loadUnaligned(as: sockaddr_in6.self)
                return (inet6.sin6_addr, UInt16(bigEndian: inet6.sin6_port))
            }
            guard let host = Self.numericHost(AF_INET6, address) else { return nil }
            self = .tcp(host: host, port: port)
        case AF_UNIX:
            self = .unix(path: Self.unixPath(storage, length: size))
        default:
            return nil
        }
    }

    /// `inet_ntop(3)` of an `in_addr` or `in6_addr`.
    private static func numericHost<Address>(_ family: Int32, _ address: Address) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let converted = withUnsafeBytes(of: address) { raw in
            inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count))
        }
        guard converted != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `unix(7)`: the path is `length - offsetof(sun_path)` bytes, NUL-terminated for a pathname
    /// socket; an abstract one starts with a NUL byte and is shown as `@name`, as `ss(8)` does.
    private static func unixPath(_ storage: sockaddr_storage, length: Int) -> String {
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? 2
        return withUnsafeBytes(of: storage) { raw in
            let end = min(max(length, pathOffset), raw.count)
            let bytes = raw[pathOffset..<end]
            guard let first = bytes.first else { return "" }
            if first == 0 { return "@" + String(decoding: bytes.dropFirst(), as: UTF8.self) }
            return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
