import Glibc
import Synchronization

/// A socket file descriptor that is closed exactly once.
///
/// Any thread may `shutdown` it: that wakes a thread blocked in accept, recv or poll on it. Only the
/// thread that owns it reads, writes and finally closes it, so the number cannot be reused under a
/// reader; `shutdown` after `close` does nothing, which is why both take the lock.
package final class SocketHandle: Sendable {
    private let descriptor: Mutex<Int32>

    package init(_ fd: Int32) {
        descriptor = Mutex(fd)
    }

    deinit {
        close()
    }

    /// The descriptor, or -1 once closed.
    package var fd: Int32 { descriptor.withLock { $0 } }

    package func shutdown(_ how: Int32 = Int32(SHUT_RDWR)) {
        descriptor.withLock { fd in
            if fd >= 0 { _ = Glibc.shutdown(fd, how) }
        }
    }

    /// Makes `close` send a reset (RST) instead of an orderly end (FIN): SO_LINGER with time 0.
    package func resetOnClose() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        }
    }

    package func close() {
        descriptor.withLock { fd in
            if fd >= 0 { Glibc.close(fd) }
            fd = -1
        }
    }
}
