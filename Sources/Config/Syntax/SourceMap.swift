/// What the syntax scan learnt about the document that JSONDecoder does not keep: where each key path
/// starts and the order in which each object's keys were written.
struct SourceMap: Sendable {
    /// The file, kept to turn offsets into lines and columns when a problem is reported.
    let bytes: [UInt8]
    /// The offset of each member's key, or of each array element's value; the first occurrence wins,
    /// as it does in JSONDecoder.
    private(set) var offsets: [ConfigurationPath: Int] = [:]
    /// Each object's keys in the order written, without duplicates.
    private(set) var keyOrder: [ConfigurationPath: [String]] = [:]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Records where `path` starts, unless it was recorded before.
    mutating func record(_ path: ConfigurationPath, at offset: Int) {
        guard offsets[path] == nil else { return }
        offsets[path] = offset
        if let parent = path.parent, case .key(let key)? = path.components.last {
            keyOrder[parent, default: []].append(key)
        }
    }

    func offset(of path: ConfigurationPath) -> Int? {
        offsets[path]
    }

    /// The location of `path`, or of its nearest ancestor present in the file (a missing key is
    /// reported at the object that lacks it).
    func location(of path: ConfigurationPath) -> SourceLocation? {
        var current: ConfigurationPath? = path
        while let candidate = current {
            if let offset = offsets[candidate] {
                return SourceLocation(offset: offset, in: bytes)
            }
            current = candidate.parent
        }
        return nil
    }
}
