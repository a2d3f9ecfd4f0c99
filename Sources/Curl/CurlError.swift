import CCurl

/// A libcurl failure: its code and the detailed message from the transfer's error buffer.
package struct CurlError: Error, Sendable, CustomStringConvertible {
    package var code: CURLcode
    /// libcurl's detail (e.g. the certificate problem), or its generic text for the code.
    package var message: String

    package init(code: CURLcode, detail: String?) {
        self.code = code
        if let detail, !detail.isEmpty {
            message = detail
        } else {
            message = String(cString: curl_easy_strerror(code))
        }
    }

    package var description: String { message }

    /// What kind of failure this is, in the terms the proxy answers with.
    package var kind: Kind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CRL_BADFILE, CURLE_USE_SSL_FAILED:
            .tls
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
            .unreachable
        case CURLE_ABORTED_BY_CALLBACK, CURLE_WRITE_ERROR, CURLE_READ_ERROR:
            .aborted
        default:
            .broken
        }
    }

    package enum Kind: Sendable {
        case unreachable
        case tls
        case timedOut
        /// We stopped it (a delegate said abort).
        case aborted
        /// The upstream broke the exchange (reset, malformed response, ...).
        case broken
    }
}
