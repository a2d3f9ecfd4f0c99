import FoundationEssentials
import Glibc

/// A fresh directory under /tmp (mkdtemp), removed with its contents when deinitialised.
/// Paths stay short enough for a Unix socket's 108-byte limit.
package final class TemporaryDirectory: Sendable {
    package let path: String

    package init(prefix: String = "bearerd-test") throws {
        var template = Array("/tmp/\(prefix).XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TestSupportError.system("mkdtemp /tmp/\(prefix).XXXXXX")
        }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` inside the directory.
    package func path(_ name: String) -> String { "\(path)/\(name)" }

    /// Writes `contents` to `name` (replacing it) with permission `mode`; returns the path.
    @discardableResult
    package func write(_ name: String, _ contents: [UInt8], mode: mode_t = 0o600) throws -> String {
        let file = path(name)
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw TestSupportError.system("open \(file)") }
        defer { close(fd) }
        var offset = 0
        while offset < contents.count {
            let written = contents.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw TestSupportError.system("write \(file)") }
            offset += written
        }
        // open's mode is filtered by the umask and ignored for an existing file: set it exactly.
        guard fchmod(fd, mode) == 0 else { throw TestSupportError.system("fchmod \(file)") }
        return file
    }

    @discardableResult
    package func write(_ name: String, _ text: String, mode: mode_t = 0o600) throws -> String {
        try write(name, Array(text.utf8), mode: mode)
    }
}

/// The contents of a file (for /proc files, whose size stat reports as 0).
func readFile(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw TestSupportError.system("open \(path)") }
    defer { close(fd) }
    var contents: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count >= 0 else { throw TestSupportError.system("read \(path)") }
        if count == 0 { return contents }
        contents += buffer[..<count]
    }
}
