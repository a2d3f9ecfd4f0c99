import EventLoop
import Glibc
import TokenCore

/// A token kept in a file by someone else (a Kubernetes projected token, a script): read on each
/// fetch, and watched so that a rotated file is picked up within `pollInterval`.
///
/// Watching is a `stat` per interval comparing device, inode, size and modification time: it follows
/// symlinks, so the atomic symlink swap Kubernetes uses for projected volumes is seen as a change.
final class FileTokenSource: TokenSource {
    private let loop: EventLoop
    let path: String
    private let scheme: String?
    private let pollInterval: Duration
    private var pending: ScheduledTimer?
    private var poll: ScheduledTimer?
    private var lastSeen: FileIdentity?
    var changed: (() -> Void)?

    init(loop: EventLoop, path: String, scheme: String?, pollInterval: Duration = .seconds(1)) {
        self.loop = loop
        self.path = path
        self.scheme = scheme
        self.pollInterval = pollInterval
        lastSeen = FileIdentity(path: path)
        schedulePoll()
    }

    func fetch(_ completion: @escaping (Result<TokenMaterial, FetchFailure>) -> Void) {
        let result = read()
        pending = loop.schedule(after: .zero) { completion(result) }
    }

    func cancel() {
        pending?.cancel()
        pending = nil
    }

    func stop() {
        cancel()
        poll?.cancel()
        poll = nil
    }

    private func read() -> Result<TokenMaterial, FetchFailure> {
        lastSeen = FileIdentity(path: path)
        var bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            // Missing or unreadable now; whoever writes it may be late. Watching picks up the change.
            return .failure(.transient("cannot read \(path): \(error)"))
        }
        var material = TokenMaterial.bare(bytes)
        material.scheme = scheme
        for index in bytes.indices { bytes[index] = 0 }
        return .success(material)
    }

    private func schedulePoll() {
        poll = loop.schedule(after: pollInterval) { [weak self] in
            guard let self else { return }
            let now = FileIdentity(path: path)
            if now != lastSeen {
                lastSeen = now
                changed?()
            }
            schedulePoll()
        }
    }
}

/// What identifies a file's content cheaply: if none of these changed, neither did the file.
private struct FileIdentity: Equatable {
    var device: UInt
    var inode: UInt
    var size: Int
    var modified: timespec

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt(info.st_dev)
        inode = UInt(info.st_ino)
        size = Int(info.st_size)
        modified = info.st_mtim
    }

    static func == (lhs: FileIdentity, rhs: FileIdentity) -> Bool {
        lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size
            && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
    }
}
