extension HTTPParseError {
    /// One rule a request broke. `status`, `reason` and `message` are the whole mapping, one case
    /// per line of each table, so a new rule is added in one file.
    enum Kind: Sendable, Equatable {
        case tooManyEmptyLines
        case invalidRequestLine
        case invalidMethod
        case invalidTarget
        case missingVersion
        case invalidVersion
        case unsupportedVersion
        case requestLineTooLong
        case bareCR
        case bareLF
        case nulByte
        case controlCharacter
        case whitespaceBeforeFirstField
        case obsFold
        case emptyFieldName
        case invalidFieldName
        case whitespaceBeforeColon
        case missingColon
        case headerSectionTooLarge
        case tooManyHeaderFields
        case trailerSectionTooLarge
        case tooManyTrailerFields
        case invalidContentLength
        case contentLengthConflict
        case contentLengthOverflow
        case unsupportedTransferEncoding
        case repeatedTransferEncoding
        case transferEncodingWithContentLength
        case transferEncodingInHTTP10
        case missingHost
        case multipleHosts
        case invalidHost
        case invalidConnection
        case unsupportedExpectation
        case bodyTooLarge
        case invalidChunkSize
        case chunkSizeTooLong
        case chunkSizeOverflow
        case invalidChunkExtension
        case chunkLineTooLong
        case missingChunkCRLF

        var status: Int {
            switch self {
            case .unsupportedVersion: 505
            case .requestLineTooLong: 414
            case .headerSectionTooLarge, .tooManyHeaderFields, .trailerSectionTooLarge, .tooManyTrailerFields: 431
            case .bodyTooLarge: 413
            case .unsupportedExpectation: 417
            default: 400
            }
        }

        var reason: String {
            switch self {
            case .tooManyEmptyLines: "leading_empty_lines"
            case .invalidRequestLine: "invalid_request_line"
            case .invalidMethod: "invalid_method"
            case .invalidTarget: "invalid_target"
            case .missingVersion: "missing_version"
            case .invalidVersion: "invalid_version"
            case .unsupportedVersion: "version_not_supported"
            case .requestLineTooLong: "request_line_too_long"
            case .bareCR: "bare_cr"
            case .bareLF: "bare_lf"
            case .nulByte: "nul_byte"
            case .controlCharacter: "control_char"
            case .whitespaceBeforeFirstField: "whitespace_before_first_field"
            case .obsFold: "obs_fold"
            case .emptyFieldName: "empty_field_name"
            case .invalidFieldName: "invalid_field_name"
            case .whitespaceBeforeColon: "whitespace_before_colon"
            case .missingColon: "missing_colon"
            case .headerSectionTooLarge: "header_section_too_large"
            case .tooManyHeaderFields: "too_many_headers"
            case .trailerSectionTooLarge: "trailer_section_too_large"
            case .tooManyTrailerFields: "too_many_trailers"
            case .invalidContentLength: "content_length_invalid"
            case .contentLengthConflict: "content_length_conflict"
            case .contentLengthOverflow: "content_length_overflow"
            case .unsupportedTransferEncoding: "transfer_encoding_unsupported"
            case .repeatedTransferEncoding: "transfer_encoding_repeated"
            case .transferEncodingWithContentLength: "transfer_encoding_with_content_length"
            case .transferEncodingInHTTP10: "transfer_encoding_in_http10"
            case .missingHost: "missing_host"
            case .multipleHosts: "multiple_host"
            case .invalidHost: "invalid_host"
            case .invalidConnection: "invalid_connection"
            case .unsupportedExpectation: "expectation_unsupported"
            case .bodyTooLarge: "body_too_large"
            case .invalidChunkSize: "invalid_chunk_size"
            case .chunkSizeTooLong: "chunk_size_too_long"
            case .chunkSizeOverflow: "chunk_size_overflow"
            case .invalidChunkExtension: "invalid_chunk_extension"
            case .chunkLineTooLong: "chunk_line_too_long"
            case .missingChunkCRLF: "missing_chunk_crlf"
            }
        }

        var message: String {
            switch self {
            case .tooManyEmptyLines: "request: too many empty lines before the request line"
            case .invalidRequestLine: "request line: not \"method SP target SP version\" with single spaces"
            case .invalidMethod: "request line: method is not a token"
            case .invalidTarget: "request line: invalid request target"
            case .missingVersion: "request line: no HTTP version (HTTP/0.9 is not served)"
            case .invalidVersion: "request line: malformed HTTP version"
            case .unsupportedVersion: "request line: HTTP version not supported"
            case .requestLineTooLong: "request line: too long"
            case .bareCR: "request: CR not followed by LF"
            case .bareLF: "request: LF without CR before it"
            case .nulByte: "request: NUL byte"
            case .controlCharacter: "field value: control character"
            case .whitespaceBeforeFirstField: "header section: whitespace before the first field line"
            case .obsFold: "field line: obsolete line folding"
            case .emptyFieldName: "field line: empty field name"
            case .invalidFieldName: "field line: field name is not a token"
            case .whitespaceBeforeColon: "field line: whitespace between field name and colon"
            case .missingColon: "field line: no colon"
            case .headerSectionTooLarge: "header section: too large"
            case .tooManyHeaderFields: "header section: too many fields"
            case .trailerSectionTooLarge: "trailer section: too large"
            case .tooManyTrailerFields: "trailer section: too many fields"
            case .invalidContentLength: "Content-Length: not a decimal number"
            case .contentLengthConflict: "Content-Length: differing values"
            case .contentLengthOverflow: "Content-Length: number too large"
            case .unsupportedTransferEncoding: "Transfer-Encoding: only \"chunked\" is accepted"
            case .repeatedTransferEncoding: "Transfer-Encoding: sent more than once"
            case .transferEncodingWithContentLength: "Transfer-Encoding: sent with Content-Length"
            case .transferEncodingInHTTP10: "Transfer-Encoding: sent in an HTTP/1.0 request"
            case .missingHost: "Host: missing in an HTTP/1.1 request"
            case .multipleHosts: "Host: sent more than once"
            case .invalidHost: "Host: invalid value"
            case .invalidConnection: "Connection: not a list of tokens"
            case .unsupportedExpectation: "Expect: only \"100-continue\" is supported"
            case .bodyTooLarge: "body: larger than allowed"
            case .invalidChunkSize: "chunked body: invalid chunk size"
            case .chunkSizeTooLong: "chunked body: chunk size has more than 16 hex digits"
            case .chunkSizeOverflow: "chunked body: chunk size too large"
            case .invalidChunkExtension: "chunked body: malformed chunk extension"
            case .chunkLineTooLong: "chunked body: chunk-size line too long"
            case .missingChunkCRLF: "chunked body: chunk data not followed by CRLF"
            }
        }
    }
}
