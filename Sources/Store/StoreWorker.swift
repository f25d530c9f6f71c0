import Glibc
import Synchronization

/// The store's own threads: callers submit jobs from any thread (event loops, the domain loop) and never
/// wait. Each job runs on the store thread with the `DataStore`, one at a time, in submission order.
/// Completions run on the store thread too: hop back to your loop by posting to its mailbox.
///
/// A second thread does nothing but password hashing, so a burst of logins (≈0.1–0.3 s of scrypt each)
/// never holds up transcript saves, token checks or reports. The store thread can also run the
/// retention sweep on an interval, so expired transcripts go even when nobody asks.
///
/// `@unchecked Sendable`: the `DataStore` is touched only on the store thread.
public final class StoreWorker: @unchecked Sendable {
    /// Work for the store; runs on the store thread.
    public typealias Job = @Sendable (DataStore) -> Void

    private let store: DataStore
    private let storeThread: JobThread
    private let passwordThread: JobThread

    /// Takes ownership of `store` and starts both threads.
    ///
    /// With `sweepInterval`, `deleteExpired(now: .now())` runs on the store thread that often; failures
    /// go to `onSweepError` (errors carry no message text, so they may be logged).
    public init(store: sending DataStore, sweepInterval: Duration? = nil,
                onSweepError: (@Sendable (Error) -> Void)? = nil) throws(StoreError) {
        let box = StoreBox(store)
        self.store = store
        storeThread = try JobThread(tickInterval: sweepInterval) {
            do { try box.store.deleteExpired(now: .now()) } catch { onSweepError?(error) }
        }
        passwordThread = try JobThread()
    }

    /// Queues a job; returns at once.
    public func submit(_ job: @escaping Job) {
        let box = StoreBox(store)
        storeThread.submit { job(box.store) }
    }

    /// Runs `work` on the store thread and hands its result to `completion`, also on the store thread.
    public func perform<T>(_ work: @escaping @Sendable (DataStore) throws -> T,
                           completion: @escaping @Sendable (Result<T, Error>) -> Void) {
        submit { store in completion(Result { try work(store) }) }
    }

    /// Checks a login without hashing on the store thread: the throttle and account lookup run there,
    /// scrypt runs on the password thread, and the session is written back on the store thread, where
    /// `completion` is called.
    public func login(username: String, password: String, address: String?, now: WallTime,
                      completion: @escaping @Sendable (Result<LoginOutcome, Error>) -> Void) {
        perform({ store in try store.prepareLogin(username: username, address: address, now: now) }) { prepared in
            guard case .success(.check(let check)) = prepared else {
                completion(prepared.map { if case .refused(let outcome) = $0 { outcome } else { .failure(delay: .zero) } })
                return
            }
            self.passwordThread.submit {
                let verified = check.verify(password)
                self.perform({ store in try store.completeLogin(check, verified: verified) }, completion: completion)
            }
        }
    }

    /// Runs `work` on the store thread and blocks the calling thread until it is done. For command-line
    /// tools, start-up and tests only: never call it from an event loop.
    public func performAndWait<T: Sendable>(_ work: @escaping @Sendable (DataStore) throws -> T) throws -> T {
        let done = Semaphore()
        let result = Mutex<Result<T, Error>?>(nil)
        submit { store in
            let outcome = Result { try work(store) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        guard let outcome = result.withLock({ $0 }) else { throw StoreError.corrupt("store job did not finish") }
        return try outcome.get()
    }

    /// Finishes queued logins and jobs, then stops both threads. Later submissions are dropped.
    public func shutdown() {
        passwordThread.shutdown()
        storeThread.shutdown()
    }
}

/// Carries the non-Sendable store into closures that run only on the store thread.
private struct StoreBox: @unchecked Sendable {
    let store: DataStore
    init(_ store: DataStore) { self.store = store }
}

/// A one-shot POSIX semaphore for `performAndWait`.
private final class Semaphore: @unchecked Sendable {
    private let handle = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
    init() { sem_init(handle, 0, 0) }
    deinit { sem_destroy(handle); handle.deallocate() }
    func signal() { sem_post(handle) }
    func wait() { while sem_wait(handle) != 0 {} }
}
