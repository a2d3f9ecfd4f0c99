/// Every bound a client controls in `RequestParser`, with the status a request passing it gets.
///
/// Limits are checked at the byte that passes them, so a never-ending line is rejected as soon as
/// it is too long, not when (if ever) its end arrives. Values are expected to be positive; a value
/// near `Int.max` behaves as "unlimited".
package struct HTTPParserLimits: Sendable, Equatable {
    /// The request line without its CRLF; longer gets 414.
    package var maxRequestLineBytes: Int
    /// The header section from the first field line through the empty line; larger gets 431. The
    /// trailer section of a chunked body is counted into the same budget (the head's share is spent).
    package var maxHeaderBytes: Int
    /// Header fields plus trailer fields; more get 431.
    package var maxHeaderCount: Int
    /// A Content-Length above this, or chunks adding up to more, get 413.
    package var maxBodyBytes: Int64
    /// Empty lines (CRLF) ignored before a request line (RFC 9112 §2.2); one more gets 400.
    package var maxLeadingEmptyLines: Int
    /// A chunk-size line with its extensions, without CRLF; longer gets 400.
    package var maxChunkLineBytes: Int

    package init(
        maxRequestLineBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 64 * 1024,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int64 = 128 * 1024 * 1024,
        maxLeadingEmptyLines: Int = 4,
        maxChunkLineBytes: Int = 4 * 1024
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxLeadingEmptyLines = maxLeadingEmptyLines
        self.maxChunkLineBytes = maxChunkLineBytes
    }
}
