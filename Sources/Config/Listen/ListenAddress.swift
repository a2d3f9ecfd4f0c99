/// Where bearerd accepts connections: a TCP address or a Unix socket.
package enum ListenAddress: Hashable, Sendable, CustomStringConvertible {
    /// A TCP address; port 0 asks the kernel for a free port (used by tests).
    case tcp(host: ListenHost, port: UInt16)
    /// A Unix stream socket at an absolute path, created with `mode` (permission bits, e.g. 0o660).
    case unix(path: String, mode: UInt16)

    /// Used when the file has no `listen` key.
    package static let defaults: [ListenAddress] = [.tcp(host: .ipv4([127, 0, 0, 1]), port: 8750)]

    /// The default permission bits of a Unix socket: owner and group may connect.
    package static let defaultUnixMode: UInt16 = 0o660

    /// Whether only this machine can connect. A Unix socket counts: its mode decides who.
    package var isLoopback: Bool {
        switch self {
        case .tcp(let host, _): host.isLoopback
        case .unix: true
        }
    }

    /// `127.0.0.1:8750`, `[::1]:8750`, `unix:/run/bearerd/agent.sock`, as the file writes them.
    package var description: String {
        switch self {
        case .tcp(let host, let port): "\(host.uriText):\(port)"
        case .unix(let path, _): "unix:\(path)"
        }
    }
}

/// The host part of a TCP listen address.
package enum ListenHost: Hashable, Sendable, CustomStringConvertible {
    /// `localhost`; bearerd binds the loopback address for it.
    case localhost
    /// Four bytes, network order.
    case ipv4([UInt8])
    /// Sixteen bytes, network order.
    case ipv6([UInt8])

    package var isLoopback: Bool {
        switch self {
        case .localhost: true
        case .ipv4(let bytes): bytes.first == 127
        case .ipv6(let bytes):
            bytes == [UInt8](repeating: 0, count: 15) + [1]
                || (bytes.starts(with: [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF]) && bytes.count == 16
                    && bytes[12] == 127)
        }
    }

    /// `localhost`, `127.0.0.1`, `::1` (no brackets).
    package var description: String {
        switch self {
        case .localhost: "localhost"
        case .ipv4(let bytes): IPAddressSyntax.formatIPv4(bytes)
        case .ipv6(let bytes): IPAddressSyntax.formatIPv6(bytes)
        }
    }

    /// As in a URI or `host:port`: IPv6 in brackets.
    package var uriText: String {
        if case .ipv6 = self { "[\(description)]" } else { description }
    }
}
