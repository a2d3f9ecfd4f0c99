import Glibc

/// Runs `body` on a new detached thread.
///
/// Peers block in accept, recv and poll; giving each its own thread (not a Swift concurrency task)
/// keeps them running while tests block the cooperative pool waiting for them.
func startThread(_ body: @escaping @Sendable () -> Void) throws {
    final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(
        &thread, nil,
        { context in
            guard let context else { return nil }
            Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, context)
    guard result == 0 else {
        Unmanaged<Box>.fromOpaque(context).release()
        throw TestSupportError.system("pthread_create", errno: result)
    }
    pthread_detach(thread)
}
