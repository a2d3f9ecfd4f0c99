/// Finds the route for a request path: the longest configured prefix wins.
package struct RouteTable {
    /// Longest path first, so the first match is the longest.
    package let routes: [Route]

    package init(_ routes: [Route]) {
        self.routes = routes.sorted { $0.path.count > $1.path.count }
    }

    /// The route for `path` (the target up to `?`) and the index in `path` where the part after the
    /// prefix starts. `/brave` (the prefix without its final slash) also matches `/brave/`.
    package func match(_ path: UnsafeBufferPointer<UInt8>) -> (route: Route, restStart: Int)? {
        for route in routes {
            let prefix = route.path
            if path.count >= prefix.count, prefix.withUnsafeBufferPointer({ memcmp($0, path, prefix.count) }) {
                return (route, prefix.count)
            }
            if path.count == prefix.count - 1, prefix.withUnsafeBufferPointer({ memcmp($0, path, path.count) }) {
                return (route, path.count)
            }
        }
        return nil
    }
}

@inline(__always)
private func memcmp(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, _ count: Int) -> Bool {
    for index in 0..<count where a[index] != b[index] { return false }
    return true
}

/// Request paths that could step out of a route's prefix once the upstream resolves them.
enum PathSafety {
    /// True when `path` has a `.` or `..` segment. Such a path could address something outside the
    /// route's base path on the upstream, with the route's credential attached, so it is refused
    /// rather than normalised. Servers disagree on what a segment is, so the check takes the widest
    /// reading: segments end at `/`, `\`, `%2F` and `%5C` (IIS and ASP.NET treat backslashes, some
    /// servers decoded slashes, as separators), a `;` starts matrix parameters that Tomcat and Spring
    /// strip (`..;/`), and a dot may be written `%2E`. A `%2F` inside an ordinary segment is allowed.
    static func hasDotSegment(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var segmentStart = 0
        var index = 0
        while index <= path.count {
            let separator = index == path.count ? 1 : separatorLength(path, at: index)
            if separator > 0 {
                if isDotSegment(path, segmentStart..<index) { return true }
                index += separator
                segmentStart = index
            } else {
                index += 1
            }
        }
        return false
    }

    /// 1 for `/` or `\`, 3 for `%2F` or `%5C` (any case), 0 otherwise.
    private static func separatorLength(_ path: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch path[index] {
        case UInt8(ascii: "/"), UInt8(ascii: "\\"):
            return 1
        case UInt8(ascii: "%") where index + 2 < path.count:
            let high = path[index + 1]
            let low = ASCII.lower(path[index + 2])
            let isSlash = high == UInt8(ascii: "2") && low == UInt8(ascii: "f")
            let isBackslash = high == UInt8(ascii: "5") && low == UInt8(ascii: "c")
            return isSlash || isBackslash ? 3 : 0
        default:
            return 0
        }
    }

    private static func isDotSegment(_ path: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var dots = 0
        var index = range.lowerBound
        while index < range.upperBound {
            if path[index] == UInt8(ascii: ".") {
                index += 1
            } else if path[index] == UInt8(ascii: "%"), index + 2 < range.upperBound,
                      path[index + 1] == UInt8(ascii: "2"), ASCII.lower(path[index + 2]) == UInt8(ascii: "e") {
                index += 3
            } else if path[index] == UInt8(ascii: ";") {
                break
            } else {
                return false
            }
            dots += 1
        }
        return dots == 1 || dots == 2
    }
}
