import CCurl
import CCurlShim
import EventLoop

/// libcurl's multi interface driven by an `EventLoop`: libcurl tells us which sockets to watch and when
/// to wake it (socket and timer callbacks); the loop tells libcurl what became ready
/// (`curl_multi_socket_action`). Every transfer of a loop, upstream requests and token fetches alike,
/// shares this handle and so its connection cache: HTTP/1.1 keep-alive and HTTP/2 multiplexing come from
/// here.
package final class CurlMulti {
    package let loop: EventLoop
    let multi: UnsafeMutableRawPointer
    private var sockets: [Int32: CurlSocket] = [:]
    private var timer: ScheduledTimer?
    private var pool: [Transfer] = []
    private let maxPooledTransfers: Int
    /// Transfers added to the multi handle, retained through CURLOPT_PRIVATE until they finish.
    package private(set) var runningCount = 0

    private static let globalInit: Bool = {
        curl_global_init(bearerd_CURL_GLOBAL_DEFAULT) == CURLE_OK
    }()

    /// `maxIdleConnections` bounds libcurl's cache of open upstream connections.
    package init(
        loop: EventLoop, maxIdleConnections: Int = 1024, maxPooledTransfers: Int = 1024
    ) throws(CurlSetupError) {
        guard Self.globalInit, let multi = curl_multi_init() else { throw CurlSetupError() }
        self.loop = loop
        self.multi = multi
        self.maxPooledTransfers = maxPooledTransfers
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = bearerd_multi_setopt_socket_callback(multi, multiSocketCallback)
        _ = bearerd_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, context)
        _ = bearerd_multi_setopt_timer_callback(multi, multiTimerCallback)
        _ = bearerd_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, context)
        _ = bearerd_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maxIdleConnections)
        _ = bearerd_multi_setopt_long(multi, CURLMOPT_PIPELINING, bearerd_CURLPIPE_MULTIPLEX)
    }

    deinit {
        timer?.cancel()
        // Cleaning up closes cached connections, which would call back into an object being destroyed.
        _ = bearerd_multi_setopt_socket_callback(multi, nil)
        _ = bearerd_multi_setopt_timer_callback(multi, nil)
        pool.removeAll()
        curl_multi_cleanup(multi)
    }

    // MARK: Transfers

    /// A transfer (from the pool when one is free) reporting to `delegate`: a blank one, or, when
    /// `profile` is given and the pooled handle last completed a transfer for the same profile, one whose
    /// options are still set (`Transfer.keepsOptions`), which saves `curl_easy_reset` and setting them
    /// all again.
    package func makeTransfer(delegate: TransferDelegate, profile: AnyObject? = nil) -> Transfer? {
        guard let transfer = pool.popLast() ?? Transfer() else { return nil }
        transfer.prepare(for: profile, context: Unmanaged.passUnretained(transfer).toOpaque())
        transfer.delegate = delegate
        return transfer
    }

    /// Starts a configured transfer; its delegate hears the rest.
    package func start(_ transfer: Transfer) -> Bool {
        guard !transfer.isRunning else { return false }
        _ = Unmanaged.passRetained(transfer)
        guard curl_multi_add_handle(multi, transfer.easy) == CURLM_OK else {
            Unmanaged.passUnretained(transfer).release()
            return false
        }
        transfer.isRunning = true
        runningCount += 1
        return true
    }

    /// Stops a transfer now, without a `transferFinished` call. libcurl closes an HTTP/1.1 connection
    /// whose exchange was cut short (it cannot be reused); on HTTP/2 only the stream is reset. Not from
    /// inside a libcurl callback.
    package func cancel(_ transfer: Transfer) {
        guard transfer.isRunning else { return }
        remove(transfer)
        recycle(transfer)
    }

    /// Releases a transfer that was made but never started.
    package func discard(_ transfer: Transfer) {
        guard !transfer.isRunning else { return }
        recycle(transfer)
    }

    private func remove(_ transfer: Transfer) {
        curl_multi_remove_handle(multi, transfer.easy)
        transfer.isRunning = false
        runningCount -= 1
        Unmanaged.passUnretained(transfer).release()
    }

    private func recycle(_ transfer: Transfer) {
        transfer.delegate = nil
        if pool.count < maxPooledTransfers {
            pool.append(transfer)
        }
    }

    // MARK: Driving libcurl

    fileprivate func socketChanged(_ fd: Int32, what: Int32) {
        if what == bearerd_CURL_POLL_REMOVE {
            if let socket = sockets.removeValue(forKey: fd), let registration = socket.registration {
                loop.deregister(registration, fd: fd)
            }
            return
        }
        var events: IOEvents = []
        if what == bearerd_CURL_POLL_IN || what == bearerd_CURL_POLL_INOUT { events.insert(.readable) }
        if what == bearerd_CURL_POLL_OUT || what == bearerd_CURL_POLL_INOUT { events.insert(.writable) }
        if let socket = sockets[fd], let registration = socket.registration {
            guard socket.events != events else { return }
            socket.events = events
            try? loop.modify(registration, fd: fd, events: events)
        } else {
            let socket = CurlSocket(multi: self, fd: fd, events: events)
            guard let registration = try? loop.register(fd, events: events, handler: socket) else { return }
            socket.registration = registration
            sockets[fd] = socket
        }
    }

    fileprivate func timerChanged(_ milliseconds: Int) {
        timer?.cancel()
        timer = nil
        guard milliseconds >= 0 else { return }
        timer = loop.schedule(after: .milliseconds(milliseconds), timerFired)
    }

    /// Made once: libcurl moves its timer about once per transfer, a closure each time showed.
    private lazy var timerFired: () -> Void = { [unowned self] in
        timer = nil
        act(on: bearerd_CURL_SOCKET_TIMEOUT, mask: 0)
    }

    fileprivate func act(on fd: Int32, mask: Int32) {
        var running: Int32 = 0
        _ = curl_multi_socket_action(multi, fd, mask, &running)
        collectFinished()
    }

    /// Hands each finished transfer to its delegate, then back to the pool.
    private func collectFinished() {
        var pending: Int32 = 0
        while let message = curl_multi_info_read(multi, &pending) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            var context: UnsafeMutableRawPointer?
            _ = bearerd_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &context)
            guard let context else { continue }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            let outcome: TransferOutcome = code == CURLE_OK ? .completed : .failed(transfer.error(for: code))
            transfer.mayKeepOptions = code == CURLE_OK && !transfer.openedConnection
            let delegate = transfer.delegate
            remove(transfer)
            delegate?.transferFinished(outcome)
            recycle(transfer)
        }
    }
}

/// libcurl could not be initialised (out of memory, or its global set-up failed).
package struct CurlSetupError: Error, CustomStringConvertible {
    package var description: String { "libcurl could not be initialised" }
}

/// A socket libcurl asked us to watch.
private final class CurlSocket: IOHandler {
    unowned let multi: CurlMulti
    let fd: Int32
    var events: IOEvents
    var registration: IORegistration?

    init(multi: CurlMulti, fd: Int32, events: IOEvents) {
        self.multi = multi
        self.fd = fd
        self.events = events
    }

    func handleIO(_ events: IOEvents) {
        var mask: Int32 = 0
        if events.contains(.readable) || events.contains(.hangUp) { mask |= bearerd_CURL_CSELECT_IN }
        if events.contains(.writable) { mask |= bearerd_CURL_CSELECT_OUT }
        if events.contains(.error) { mask |= bearerd_CURL_CSELECT_ERR }
        multi.act(on: fd, mask: mask)
    }
}

private let multiSocketCallback: curl_socket_callback = { _, fd, what, context, _ in
    Unmanaged<CurlMulti>.fromOpaque(context!).takeUnretainedValue().socketChanged(fd, what: what)
    return 0
}

private let multiTimerCallback: curl_multi_timer_callback = { _, milliseconds, context in
    Unmanaged<CurlMulti>.fromOpaque(context!).takeUnretainedValue().timerChanged(milliseconds)
    return 0
}
