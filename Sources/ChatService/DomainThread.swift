import Glibc

/// A plain POSIX thread running one closure: the chat's domain thread.
///
/// Not a Task: the domain loop blocks on its mailbox, which must never tie up the cooperative pool.
final class DomainThread: @unchecked Sendable {
    private var handle: pthread_t

    private init(handle: pthread_t) {
        self.handle = handle
    }

    /// Starts `body` on a new thread (`name` is for readers of the code and stack traces).
    static func start(name: String, _ body: @escaping @Sendable () -> Void) -> DomainThread {
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var handle = pthread_t()
        let result = pthread_create(&handle, nil, domainThreadEntry, box)
        precondition(result == 0, "pthread_create failed: \(result)")
        return DomainThread(handle: handle)
    }

    /// Waits for the thread to finish.
    func join() {
        pthread_join(handle, nil)
    }
}

final class ThreadBody: @unchecked Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// The C entry point: a top-level function, not a closure (a closure here would be inferred main-actor).
private func domainThreadEntry(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let context else { return nil }
    Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
    return nil
}
