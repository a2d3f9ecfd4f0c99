/// Paths of files, routes and upstreams.
enum PathSyntax {
    /// A file bearerd reads: absolute, since the working directory of a service is not the user's.
    static func absoluteFile(_ path: String) throws(InvalidValue) -> String {
        guard path.hasPrefix("/") else { throw InvalidValue("expected an absolute path") }
        guard !path.utf8.contains(0) else { throw InvalidValue("a path must not contain NUL") }
        return path
    }

    /// A route path: starts with `/`, visible ASCII without `?`, `#` or `%` (a prefix is matched
    /// against the raw request target, so an escape would match unpredictably), and no `.` or `..`
    /// segment. Returns it with a trailing `/` so that `/api` does not match `/apiary`.
    static func routePath(_ path: String) throws(InvalidValue) -> String {
        guard path.hasPrefix("/") else { throw InvalidValue("must start with \"/\"") }
        if let bad = path.utf8.first(where: { !(0x21...0x7E).contains($0) || "?#%".utf8.contains($0) }) {
            throw InvalidValue(
                (0x21...0x7E).contains(bad)
                    ? "must not contain \"\(Character(Unicode.Scalar(bad)))\""
                    : "must be visible ASCII (no spaces or control characters)")
        }
        try checkNoDotSegments(path)
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// An upstream's path: visible ASCII, `%` only as `%HH`, no `.` or `..` segment.
    static func checkUpstreamPath(_ path: String) throws(InvalidValue) {
        let bytes = Array(path.utf8)
        for (index, byte) in bytes.enumerated() {
            guard (0x21...0x7E).contains(byte) else {
                throw InvalidValue("the path must be visible ASCII; percent-encode other characters")
            }
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, JSON5Scanner.hexValue(bytes[index + 1]) != nil,
                    JSON5Scanner.hexValue(bytes[index + 2]) != nil
                else { throw InvalidValue("the path has a \"%\" that is not followed by two hexadecimal digits") }
            }
        }
        try checkNoDotSegments(path)
    }

    private static func checkNoDotSegments(_ path: String) throws(InvalidValue) {
        guard !path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) else {
            throw InvalidValue("must not contain \".\" or \"..\" segments")
        }
    }
}
