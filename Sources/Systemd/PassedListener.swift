/// A listening socket systemd passed to bearerd (socket activation).
package struct PassedListener: Sendable, Equatable {
    /// The descriptor, 3 or more (`SD_LISTEN_FDS_START`); close-on-exec and non-blocking.
    package var fd: Int32
    /// Its name from `$LISTEN_FDNAMES` (`unknown` when systemd gave none).
    package var name: String
    package var role: ListenerRole
    /// Where it listens, from `getsockname(2)`.
    package var address: SocketAddress

    package init(fd: Int32, name: String, role: ListenerRole, address: SocketAddress) {
        self.fd = fd
        self.name = name
        self.role = role
        self.address = address
    }
}

/// The local address of a passed socket.
package enum SocketAddress: Sendable, Equatable, CustomStringConvertible {
    /// IPv4 or IPv6; `host` is numeric (`127.0.0.1`, `::1`).
    case tcp(host: String, port: UInt16)
    /// A path, `@name` for the abstract namespace, or empty for an unbound socket.
    case unix(path: String)

    /// `127.0.0.1:8750`, `[::1]:8750`, `unix:/run/bearerd/agent.sock`: the form of bearerd's
    /// `listening address=` log line.
    package var description: String {
        switch self {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unix(let path): "unix:\(path)"
        }
    }
}
