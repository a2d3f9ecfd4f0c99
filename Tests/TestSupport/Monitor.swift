import Glibc

/// State guarded by a mutex, with a condition variable broadcast after every change so that waiters
/// re-check their predicate.
///
/// `@unchecked Sendable` is sound because `state` is only read or written with `mutex` held (every
/// access goes through `withLock`, `read` or `wait`), and the pointers are never handed out.
package final class Monitor<State>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var state: State

    package init(_ initial: State) {
        state = initial
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Changes the state and wakes every waiter.
    @discardableResult
    package func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer {
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
        }
        return try body(&state)
    }

    /// Reads the state without waking anyone.
    package func read<R>(_ body: (State) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(state)
    }

    /// Waits until `ready` returns a value (it may also change the state, e.g. take a message), and
    /// wakes the other waiters when it did.
    ///
    /// Throws `.timeout` when `timeout` passes first: "timed out after <timeout> waiting for <what>;
    /// <seen(state)>", so the failure shows what the test was looking at.
    package func wait<R>(
        for what: @autoclosure () -> String,
        timeout: Duration,
        seen: (State) -> String,
        until ready: (inout State) throws -> R?
    ) throws -> R {
        let deadline = Deadline.after(timeout)
        var limit = deadline.timespec
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if let result = try ready(&state) {
                pthread_cond_broadcast(condition)
                return result
            }
            if deadline.hasPassed {
                throw TestSupportError(.timeout, "timed out after \(timeout) waiting for \(what()); \(seen(state))")
            }
            pthread_cond_timedwait(condition, mutex, &limit)
        }
    }

    /// Wakes the waiters so they re-check a condition that lives outside the state (a cancellation).
    package func wakeWaiters() {
        withLock { _ in }
    }
}
