import CCurl
import CCurlShim
import Glibc

/// One libcurl easy handle and the state of the transfer running on it. Transfers are pooled by
/// their `CurlMulti` and reused, so that libcurl's per-handle caches (and the allocations of a fresh
/// handle) are paid once.
///
/// Lifecycle: `CurlMulti.makeTransfer(delegate:)`, set options, `CurlMulti.start`, then either the
/// delegate's `transferFinished` or the owner's `CurlMulti.cancel`. After either, the owner must drop its
/// reference: the object goes back to the pool and will carry someone else's transfer.
package final class Transfer {
    let easy: UnsafeMutableRawPointer
    package internal(set) var delegate: TransferDelegate?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// libcurl writes its detailed error text here (CURLOPT_ERRORBUFFER).
    private let errorBuffer: UnsafeMutablePointer<CChar>
    var isRunning = false
    /// The owner that last configured the handle and may find its options still set (`keepsOptions`).
    /// Weak: a reload replaces routes, and a pooled handle must not keep the old ones alive; a freed
    /// owner reads as nil, so a new one at the same address is never mistaken for it.
    private(set) weak var profile: AnyObject?
    /// Whether the handle is given out again without `curl_easy_reset`: true only after a transfer that
    /// completed on a connection it did not open. libcurl counts retries on fresh connections per handle
    /// until a reset (five in a lifetime, then "Connection died"), so a handle that connected is reset.
    var mayKeepOptions = false
    /// Set by `CurlMulti.makeTransfer`: the options of the transfer before, made for the same profile,
    /// are still set. The owner then sets only what changes per transfer, and must set all of that.
    package private(set) var keepsOptions = false

    init?() {
        guard let easy = curl_easy_init() else { return nil }
        self.easy = easy
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    // MARK: Options

    package func set(_ option: CURLoption, _ value: Int) {
        _ = bearerd_easy_setopt_long(easy, option, value)
    }

    package func set(_ option: CURLoption, _ value: Bool) {
        _ = bearerd_easy_setopt_long(easy, option, value ? 1 : 0)
    }

    package func set(_ option: CURLoption, _ value: Int64) {
        _ = bearerd_easy_setopt_off(easy, option, curl_off_t(value))
    }

    /// String options are copied by libcurl (CURLOPT_POSTFIELDS is the exception; use
    /// CURLOPT_COPYPOSTFIELDS).
    package func set(_ option: CURLoption, _ value: String) {
        _ = bearerd_easy_setopt_string(easy, option, value)
    }

    /// Sets a string option back to none (NULL).
    package func clear(_ option: CURLoption) {
        _ = bearerd_easy_setopt_string(easy, option, nil)
    }

    /// The same for a string given as bytes (no NUL inside).
    package func set(_ option: CURLoption, bytes: UnsafeBufferPointer<UInt8>) {
        withNulTerminated(bytes) { _ = bearerd_easy_setopt_string(easy, option, $0) }
    }

    /// Request header lines (`Name: value`). The list lives as long as the transfer.
    package func setHeaders(_ lines: consuming HeaderLines) {
        curl_slist_free_all(headerList)
        headerList = lines.take()
        _ = bearerd_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList)
    }

    // MARK: Information

    /// The final response status, 0 before one was received.
    package var responseCode: Int {
        var code = 0
        _ = bearerd_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// Asks libcurl to resume a transfer whose callback returned pause. Not from inside this transfer's
    /// own callbacks.
    package func unpause() {
        guard isRunning else { return }
        _ = curl_easy_pause(easy, bearerd_CURLPAUSE_CONT)
    }

    // MARK: Internal

    func error(for code: CURLcode) -> CurlError {
        CurlError(code: code, detail: String(cString: errorBuffer))
    }

    /// Readies the handle for a transfer made by `profile`: keeps the options of the one before when it
    /// was made by the same profile and `mayKeepOptions`, else resets the handle.
    func prepare(for profile: AnyObject?, context: UnsafeMutableRawPointer) {
        keepsOptions = profile != nil && profile === self.profile && mayKeepOptions
        mayKeepOptions = false
        delegate = nil
        if keepsOptions {
            errorBuffer[0] = 0
        } else {
            reset(context: context)
            self.profile = profile
        }
    }

    /// Whether the transfer that just completed made a new connection (or reconnected to retry).
    var openedConnection: Bool {
        var count = 0
        _ = bearerd_easy_getinfo_long(easy, CURLINFO_NUM_CONNECTS, &count)
        return count != 0
    }

    /// Back to a blank handle, with the callbacks every transfer uses.
    private func reset(context: UnsafeMutableRawPointer) {
        curl_easy_reset(easy)
        curl_slist_free_all(headerList)
        headerList = nil
        delegate = nil
        errorBuffer[0] = 0
        _ = bearerd_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = bearerd_easy_setopt_pointer(easy, CURLOPT_PRIVATE, context)
        _ = bearerd_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = bearerd_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        _ = bearerd_easy_setopt_pointer(easy, CURLOPT_READDATA, context)
        _ = bearerd_easy_setopt_write_callback(easy, transferWriteCallback)
        _ = bearerd_easy_setopt_header_callback(easy, transferHeaderCallback)
        _ = bearerd_easy_setopt_read_callback(easy, transferReadCallback)
        // Signals would interrupt the event loop's thread; libcurl's threaded resolver needs none.
        _ = bearerd_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        // libcurl reads http_proxy/HTTPS_PROXY from the environment: a credential must never go to a
        // proxy nobody configured. Owners set CURLOPT_PROXY again when a route names one.
        _ = bearerd_easy_setopt_string(easy, CURLOPT_PROXY, "")
    }
}

/// Request header lines for a transfer, built without intermediate Strings.
package struct HeaderLines: ~Copyable {
    private var list: UnsafeMutablePointer<curl_slist>?

    package init() {}

    deinit {
        curl_slist_free_all(list)
    }

    /// Appends `Name: value` from raw bytes. An empty value is written `Name;`, libcurl's way of
    /// sending an empty header (`Name:` alone would remove it).
    package mutating func append(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        if value.isEmpty {
            appendLine(count: name.count + 1) { raw in
                raw.copyMemory(from: UnsafeRawBufferPointer(name))
                raw[name.count] = UInt8(ascii: ";")
            }
            return
        }
        let total = name.count + 2 + value.count
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: total + 1) { line in
            let raw = UnsafeMutableRawBufferPointer(line)
            raw.copyMemory(from: UnsafeRawBufferPointer(name))
            raw[name.count] = UInt8(ascii: ":")
            raw[name.count + 1] = UInt8(ascii: " ")
            UnsafeMutableRawBufferPointer(rebasing: raw[(name.count + 2)...])
                .copyMemory(from: UnsafeRawBufferPointer(value))
            line[total] = 0
            list = curl_slist_append(list, line.baseAddress)
            // The line may hold a token: libcurl has its copy, ours must not linger on the stack.
            explicit_bzero(line.baseAddress!, total + 1)
        }
    }

    /// Appends a complete line; `"Name:"` with nothing after the colon removes a header libcurl would
    /// add on its own (`Accept:`, `Expect:`).
    package mutating func append(_ line: String) {
        list = curl_slist_append(list, line)
    }

    /// Appends a constant line, without the temporary C string a `String` needs.
    package mutating func append(_ line: StaticString) {
        line.withUTF8Buffer { bytes in
            // A StaticString's bytes are followed by a NUL.
            guard let start = bytes.baseAddress else { return }
            start.withMemoryRebound(to: CChar.self, capacity: bytes.count + 1) { list = curl_slist_append(list, $0) }
        }
    }

    /// Appends a line of `count` bytes that `fill` writes into a temporary buffer, which is zeroed
    /// afterwards (the line may hold a secret; libcurl keeps its own copy).
    package mutating func appendLine(count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Void) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { line in
            let raw = UnsafeMutableRawBufferPointer(line)
            fill(UnsafeMutableRawBufferPointer(rebasing: raw[..<count]))
            line[count] = 0
            list = curl_slist_append(list, line.baseAddress)
            explicit_bzero(raw.baseAddress!, count + 1)
        }
    }

    fileprivate consuming func take() -> UnsafeMutablePointer<curl_slist>? {
        let taken = list
        list = nil
        return taken
    }
}

private func withNulTerminated(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<CChar>) -> Void) {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(bytes))
        buffer[bytes.count] = 0
        body(buffer.baseAddress!)
        explicit_bzero(buffer.baseAddress!, bytes.count + 1)
    }
}

// libcurl's callbacks: closures that capture nothing and find their transfer through the user pointer.

private func transfer(from context: UnsafeMutableRawPointer?) -> Transfer {
    Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
}

private let transferWriteCallback: curl_write_callback = { data, size, count, context in
    let transfer = transfer(from: context)
    let length = size * count
    guard let delegate = transfer.delegate else { return 0 }
    switch delegate.bodyReceived(UnsafeRawBufferPointer(start: data, count: length)) {
    case .consumed: return length
    case .pause: return Int(bearerd_CURL_WRITEFUNC_PAUSE)
    case .abort: return 0
    }
}

private let transferHeaderCallback: curl_write_callback = { data, size, count, context in
    let transfer = transfer(from: context)
    let length = size * count
    guard let delegate = transfer.delegate,
          delegate.headerLineReceived(UnsafeRawBufferPointer(start: data, count: length))
    else { return 0 }
    return length
}

private let transferReadCallback: curl_read_callback = { data, size, count, context in
    let transfer = transfer(from: context)
    guard let delegate = transfer.delegate, let data else { return Int(bearerd_CURL_READFUNC_ABORT) }
    switch delegate.uploadBytesWanted(into: UnsafeMutableRawBufferPointer(start: data, count: size * count)) {
    case .bytes(let written): return written
    case .pause: return Int(bearerd_CURL_READFUNC_PAUSE)
    case .end: return 0
    case .abort: return Int(bearerd_CURL_READFUNC_ABORT)
    }
}
