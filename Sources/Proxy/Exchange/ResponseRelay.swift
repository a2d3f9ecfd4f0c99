import Glibc
import HTTP1

/// Turns the response head libcurl received (HTTP/1.x or HTTP/2, one line per call) into the head
/// bearerd sends the client, and frames the body for the client's connection.
///
/// Hop-by-hop fields (RFC 9110 §7.6.1) and those the upstream's `Connection` names are dropped;
/// everything else passes byte for byte. The body keeps the upstream's `Content-Length` when it is
/// the one framing the upstream used, else it is chunked for HTTP/1.1 clients or delimited by closing
/// for HTTP/1.0 ones.
struct ResponseRelay {
    enum Framing {
        case none
        case contentLength
        case chunked
        case untilClose
    }

    private(set) var status = 0
    /// The field lines of the head being received, CRLF stripped, each followed by one LF: a single
    /// buffer for the whole head (libcurl hands over one line per call, so a line holds no LF).
    private var fieldLines: [UInt8] = []
    /// Room reserved for `fieldLines` at the first line, so a usual head is stored without regrowing.
    private static let typicalHeadSize = 1024
    private var inInterimHead = false
    private var headComplete = false
    private(set) var framing = Framing.none
    private(set) var keepsClientConnection = true

    /// Takes one line; returns true when it completed the final (non-1xx) response head.
    mutating func headerLineReceived(_ raw: UnsafeRawBufferPointer) -> Bool {
        // Trailer fields of a chunked upstream body arrive here too, after the head: not forwarded.
        guard !headComplete else { return false }
        var end = raw.count
        while end > 0, raw[end - 1] == UInt8(ascii: "\n") || raw[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = UnsafeRawBufferPointer(rebasing: raw[..<end])
        if line.starts(with: "HTTP/".utf8) {
            // A new status line starts a new head after an interim one. (A proxy's CONNECT answer
            // would look like a final head: CURLOPT_SUPPRESS_CONNECT_HEADERS keeps it away.)
            status = Self.statusCode(of: line)
            inInterimHead = (100..<200).contains(status)
            fieldLines.removeAll(keepingCapacity: true)
            return false
        }
        if line.isEmpty {
            if inInterimHead {
                // 100 Continue and 103 Early Hints are the upstream's business with libcurl.
                inInterimHead = false
                return false
            }
            headComplete = status >= 200
            return headComplete
        }
        if !inInterimHead {
            if fieldLines.capacity == 0 { fieldLines.reserveCapacity(Self.typicalHeadSize) }
            fieldLines.append(contentsOf: line)
            fieldLines.append(UInt8(ascii: "\n"))
        }
        return false
    }

    /// The client's response head.
    mutating func clientHead(requestMethodIsHead: Bool, clientKeepAlive: Bool, clientIsHTTP10: Bool) -> [UInt8] {
        var hasContentLength = false
        var writer = ResponseHeadWriter(status: status)
        fieldLines.withUnsafeBufferPointer { lines in
            // Usually Connection says only keep-alive or close: then no field needs the search below.
            var connectionListsNames = false
            var framing = UpstreamFraming()
            Self.forEachField(in: lines) { name, value in
                if ASCII.equalsLowercased(name, HopByHop.connection), HopByHop.listsFieldNames(value) {
                    connectionListsNames = true
                }
                framing.field(name, value)
            }
            Self.forEachField(in: lines) { name, value in
                if HopByHop.isHopByHop(name) { return }
                if connectionListsNames && Self.isListedByConnection(name, in: lines) { return }
                if ASCII.equalsLowercased(name, HopByHop.contentLength) {
                    // One length, and only one, goes on, and only if it is what framed the body.
                    guard framing.contentLengthIsTrusted, !hasContentLength else { return }
                    hasContentLength = true
                }
                writer.addField(name: name, value: value)
            }
        }
        let noBody = requestMethodIsHead || status == 204 || status == 304 || (100..<200).contains(status)
        if noBody {
            framing = .none
        } else if hasContentLength {
            framing = .contentLength
        } else if clientIsHTTP10 {
            framing = .untilClose
        } else {
            framing = .chunked
            writer.add("Transfer-Encoding", "chunked")
        }
        keepsClientConnection = clientKeepAlive && framing != .untilClose
        if !keepsClientConnection {
            writer.add("Connection", "close")
        } else if clientIsHTTP10 {
            writer.add("Connection", "keep-alive")
        }
        fieldLines = []
        return writer.finish()
    }

    /// What framed the upstream's body. libcurl decodes a chunked body, so a `Content-Length` sent
    /// along with `Transfer-Encoding` (RFC 9112 §6.3: the encoding wins) or several different lengths
    /// would describe a body of another size: passing such a length on would let the upstream write
    /// a response of its own into the client's connection. Such a length is dropped and the body is
    /// re-framed.
    private struct UpstreamFraming {
        private var transferEncoded = false
        private var length: [UInt8]?
        private var conflicting = false

        mutating func field(_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) {
            if ASCII.equalsLowercased(name, HopByHop.transferEncoding) {
                transferEncoded = true
            } else if ASCII.equalsLowercased(name, HopByHop.contentLength) {
                let digits = Array(value)
                if digits.isEmpty || !digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
                    || (length != nil && length != digits) {
                    conflicting = true
                }
                length = digits
            }
        }

        var contentLengthIsTrusted: Bool { length != nil && !transferEncoded && !conflicting }
    }

    /// Calls `body` with the name and the value (leading SP/HTAB skipped) of each line of `lines` that
    /// has a name before a colon.
    private static func forEachField(
        in lines: UnsafeBufferPointer<UInt8>,
        _ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let base = lines.baseAddress else { return }
        var start = 0
        while start < lines.count {
            // memchr: the lines are scanned twice per response, byte loops showed in the profile.
            let end = memchr(base + start, Int32(UInt8(ascii: "\n")), lines.count - start)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? lines.count
            let colon = memchr(base + start, Int32(UInt8(ascii: ":")), end - start)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
            if let colon, colon > start {
                var valueStart = colon + 1
                while valueStart < end, ASCII.isWhitespace(lines[valueStart]) { valueStart += 1 }
                body(.init(rebasing: lines[start..<colon]), .init(rebasing: lines[valueStart..<end]))
            }
            start = end + 1
        }
    }

    /// Whether a `Connection` line among `lines` names `name`.
    private static func isListedByConnection(
        _ name: UnsafeBufferPointer<UInt8>, in lines: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        var listed = false
        forEachField(in: lines) { field, value in
            if ASCII.equalsLowercased(field, HopByHop.connection), HopByHop.isListed(name, in: value) { listed = true }
        }
        return listed
    }

    func frameBody(_ bytes: UnsafeRawBufferPointer, into write: (UnsafeRawBufferPointer) -> Void) {
        switch framing {
        case .none:
            return
        case .contentLength, .untilClose:
            write(bytes)
        case .chunked:
            guard !bytes.isEmpty else { return }
            ChunkFraming.withHeader(for: bytes.count, write)
            write(bytes)
            let end = ChunkFraming.chunkEnd
            write(UnsafeRawBufferPointer(start: end.utf8Start, count: end.utf8CodeUnitCount))
        }
    }

    func finishBody(into write: (UnsafeRawBufferPointer) -> Void) {
        guard framing == .chunked else { return }
        let last: StaticString = "0\r\n\r\n"
        write(UnsafeRawBufferPointer(start: last.utf8Start, count: last.utf8CodeUnitCount))
    }

    /// `HTTP/1.1 200 OK` and `HTTP/2 200` alike: the three digits after the first space.
    private static func statusCode(of line: UnsafeRawBufferPointer) -> Int {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")), space + 3 <= line.count else { return 0 }
        var code = 0
        for byte in line[(space + 1)..<(space + 4)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return 0 }
            code = code * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return code
    }
}
