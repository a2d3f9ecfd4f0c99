import CSystemd
import Glibc

/// The sockets systemd passes to a socket-activated service (`sd_listen_fds(3)`).
///
/// systemd opens the sockets of `bearerd.socket`, starts bearerd with them as descriptors 3, 4, ...
/// and describes them in `$LISTEN_FDS` (how many), `$LISTEN_PID` (for which process: a child that
/// inherited the variables must not take them) and `$LISTEN_FDNAMES` (colon-separated names from
/// `FileDescriptorName=`).
package enum ListenFDs {
    /// `SD_LISTEN_FDS_START`: the first passed descriptor.
    package static let firstDescriptor: Int32 = 3

    /// The passed listeners in descriptor order, or none when bearerd was not socket-activated.
    ///
    /// Follows `sd_listen_fds_with_names(3)`: nothing is taken unless `$LISTEN_PID` is this process;
    /// the descriptors become close-on-exec (so `exec` sources do not inherit them); `$LISTEN_FDS`,
    /// `$LISTEN_PID` and `$LISTEN_FDNAMES` are unset afterwards, as the man page recommends, so a
    /// second call and every child see none. Each descriptor is also made non-blocking for the event
    /// loop (systemd passes them blocking unless the unit says `NonBlocking=yes`).
    ///
    /// Call it once, early in `main`, before any thread starts: `unsetenv` races with `getenv` in
    /// other threads.
    ///
    /// - Throws: `ListenFDsError` listing every problem: a variable libsystemd rejects (such as
    ///   `$LISTEN_FDNAMES` with more or fewer names than descriptors), a descriptor that is not a
    ///   listening stream socket (a `ListenDatagram=` socket, or a connection from `Accept=yes`), or a
    ///   name that is neither `agent`, `admin` nor unnamed (see `ListenerRole`). The descriptors stay
    ///   open: the caller exits.
    package static func take() throws(ListenFDsError) -> [PassedListener] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        let count = sd_listen_fds_with_names(1, &names)
        defer { free(names: names, count: count) }
        guard count >= 0 else {
            throw ListenFDsError(["sd_listen_fds_with_names: \(String(cString: strerror(-count)))"])
        }
        var listeners: [PassedListener] = []
        var problems: [String] = []
        for index in 0..<Int(count) {
            let fd = firstDescriptor + Int32(index)
            let name = names?[index].map { String(cString: $0) } ?? "unknown"
            switch listener(fd: fd, name: name) {
            case .success(let listener): listeners.append(listener)
            case .failure(let problem): problems.append(problem.description)
            }
        }
        guard problems.isEmpty else { throw ListenFDsError(problems) }
        return listeners
    }

    /// Checks one descriptor and makes it non-blocking.
    static func listener(fd: Int32, name: String) -> Result<PassedListener, ListenFDsError> {
        let subject = "descriptor \(fd) (\"\(name)\")"
        guard let role = ListenerRole(fdName: name) else {
            return .failure(
                ListenFDsError(
                    ["\(subject): unknown name; use FileDescriptorName=agent or admin in the .socket unit"]))
        }
        let isListening = sd_is_socket(fd, AF_UNSPEC, Int32(SOCK_STREAM.rawValue), 1)
        guard isListening > 0 else {
            let reason = isListening < 0 ? String(cString: strerror(-isListening)) : "not a listening stream socket"
            return .failure(ListenFDsError(["\(subject): \(reason); use ListenStream= with Accept=no"]))
        }
        guard let address = SocketAddress(localAddressOf: fd) else {
            return .failure(ListenFDsError(["\(subject): not an IPv4, IPv6 or Unix socket"]))
        }
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else {
            return .failure(ListenFDsError(["\(subject): fcntl O_NONBLOCK: \(String(cString: strerror(errno)))"]))
        }
        return .success(PassedListener(fd: fd, name: name, role: role, address: address))
    }

    /// libsystemd allocates the array and each name with malloc.
    private static func free(names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, count: Int32) {
        guard let names else { return }
        for index in 0..<Int(max(count, 0)) { Glibc.free(names[index]) }
        Glibc.free(names)
    }
}

/// Why the passed sockets cannot be used: one line per problem, each naming the descriptor.
package struct ListenFDsError: Error, Equatable, CustomStringConvertible {
    package var problems: [String]

    init(_ problems: [String]) {
        self.problems = problems
    }

    package var description: String { problems.joined(separator: "; ") }
}
