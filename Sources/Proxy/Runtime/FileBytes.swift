import EventLoop
import Glibc

/// Reads a whole small file: the configuration, a secret reference's file, a token file. Larger than
/// `maximumSize` is an error (`EFBIG`), so a wrong path cannot fill memory.
enum FileBytes {
    static let maximumSize = 1 << 20

    static func read(_ path: String) throws(SystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError("open", errno: errno) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw SystemError("read", errno: errno) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            guard bytes.count <= maximumSize else { throw SystemError("read", errno: EFBIG) }
        }
    }
}
