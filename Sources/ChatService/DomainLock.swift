import Glibc

/// The lock that makes one thread at a time the chat domain's owner.
final class DomainLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func lock() { pthread_mutex_lock(&mutex) }
    func unlock() { pthread_mutex_unlock(&mutex) }
    /// Takes the lock if it is free; never waits (an I/O loop must not block on the domain).
    func tryLock() -> Bool { pthread_mutex_trylock(&mutex) == 0 }
}
