/// What a socket passed by systemd is for, from its name (`FileDescriptorName=` in the `.socket` unit,
/// `systemd.socket(5)`).
package enum ListenerRole: String, Sendable, Equatable {
    /// Agents send their requests here.
    case agent
    /// The admin listener.
    case admin

    /// The role a name stands for; nil for a name bearerd does not know (a typo such as "amdin" must
    /// not silently become an agent listener).
    ///
    /// Unnamed sockets are agent listeners. A socket is unnamed when its name is `unknown`, which
    /// `sd_listen_fds_with_names(3)` reports when `$LISTEN_FDNAMES` is not set, or ends in `.socket`:
    /// without `FileDescriptorName=`, "the file descriptor name defaults to the name of the socket
    /// unit, including its .socket suffix" (`systemd.socket(5)`).
    package init?(fdName name: String) {
        switch name {
        case "agent", "unknown": self = .agent
        case "admin": self = .admin
        default:
            guard name.hasSuffix(".socket") else { return nil }
            self = .agent
        }
    }
}
