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
    /// True when `path` has a `.` or `..` segment, literally or percent-encoded (`%2e`). Such a path
    /// could address something outside the route's base path on the upstream, with the route's
    /// credential attached, so it is refused rather than normalised.
    static func hasDotSegment(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var segmentStart = 0
        var index = 0
        while index <= path.count {
            if index == path.count || path[index] == UInt8(ascii: "/") {
                if isDotSegment(path, segmentStart..<index) { return true }
                segmentStart = index + 1
            }
            index += 1
        }
        return false
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
            } else {
                return false
            }
            dots += 1
        }
        return dots == 1 || dots == 2
    }
}
