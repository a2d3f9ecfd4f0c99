/// The start line and fields of an HTTP/1.1 message as the peer sent them.
///
/// Written for the test peers alone: sharing bearerd's parser would hide its bugs.
package struct MessageHead: Sendable, Equatable {
    /// The request or status line, bytes as ISO 8859-1.
    package var startLine: String
    package var fields: [HeaderField]

    /// Limit on the head's size; a longer head is a protocol violation.
    static let sizeLimit = 256 * 1024

    /// Reads a head up to its empty line. Nil if the stream ended before its first byte;
    /// `skipLeadingEmptyLines` drops the CRLFs a client may send before a request (RFC 9112 2.2).
    static func read(
        from reader: inout SocketReader, deadline: Deadline?, skipLeadingEmptyLines: Bool = false
    ) throws -> MessageHead? {
        var startLine: [UInt8]
        repeat {
            guard let line = try reader.readLine(deadline: deadline) else { return nil }
            startLine = line
        } while skipLeadingEmptyLines && startLine.isEmpty
        return MessageHead(
            startLine: String(latin1: startLine), fields: try readFields(from: &reader, deadline: deadline))
    }

    /// Reads header or trailer lines up to the empty line. Obsolete line folding is a violation here:
    /// bearerd must never send it (RFC 9112 5.2).
    static func readFields(from reader: inout SocketReader, deadline: Deadline?) throws -> [HeaderField] {
        var fields: [HeaderField] = []
        var size = 0
        while true {
            guard let line = try reader.readLine(deadline: deadline) else {
                throw TestSupportError(.closed, "connection closed inside a head after \(fields.count) fields")
            }
            if line.isEmpty { return fields }
            size += line.count + 2
            guard size <= sizeLimit else {
                throw TestSupportError(.protocolViolation, "head larger than \(sizeLimit) bytes")
            }
            guard line[0] != 0x20 && line[0] != 0x09, let field = HeaderField.parse(line) else {
                throw TestSupportError(.protocolViolation, "invalid field line \(quoted(line))")
            }
            fields.append(field)
        }
    }

    /// How the body after this head is framed (RFC 9112 6.3), for a request or for a response
    /// whose status and request method say it may have a body.
    func bodyFraming(isRequest: Bool) throws -> BodyFraming {
        let codings = fields.tokens(of: "Transfer-Encoding")
        let lengths = fields.values(of: "Content-Length")
        if !codings.isEmpty {
            guard lengths.isEmpty else {
                throw TestSupportError(.protocolViolation, "both Transfer-Encoding and Content-Length in \(startLine)")
            }
            if codings.last == "chunked" { return .chunked }
            // A request must end its codings with chunked; a response without it runs until close.
            guard !isRequest else {
                throw TestSupportError(.protocolViolation, "request Transfer-Encoding does not end in chunked")
            }
            return .closeDelimited
        }
        guard let first = lengths.first else { return isRequest ? .none : .closeDelimited }
        guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.count <= 18,
            first.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let length = Int(first)
        else {
            throw TestSupportError(.protocolViolation, "invalid Content-Length \(lengths)")
        }
        return .contentLength(length)
    }
}

/// How a message body is delimited.
package enum BodyFraming: Sendable, Equatable {
    /// No body: HEAD responses, 1xx, 204, 304, requests without Content-Length or Transfer-Encoding.
    case none
    case contentLength(Int)
    case chunked
    /// The body runs until the server closes the connection.
    case closeDelimited
}
