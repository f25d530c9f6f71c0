import Glibc

/// A value guarded by a `pthread_mutex_t`, for the few places loops share state (mailboxes, connection counts).
///
/// Used instead of `Synchronization.Mutex` because on Linux that one waits on raw futexes, which
/// ThreadSanitizer cannot see: every access it guards is reported as a race, hiding real ones.
final class Locked<Value>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var value: Value

    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
