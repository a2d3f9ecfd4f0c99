import CCurl

/// The libcurl bearerd runs with, e.g. `libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13 nghttp2/1.52.0`.
package enum CurlVersion {
    package static var description: String { String(cString: curl_version()) }
}
