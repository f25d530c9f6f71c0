import Glibc
import Synchronization

/// The store's own thread: callers submit jobs from any thread (event loops, the domain loop) and never
/// wait; each job runs on the worker thread with the `DataStore`, one at a time, in submission order.
/// Completions run on the worker thread too: hop back to your loop by posting to its mailbox.
///
/// This single writer keeps SQLite, password hashing and fsyncs off every event loop. It can also run
/// the retention sweep on an interval, so expired transcripts go even when nobody asks.
///
/// `@unchecked Sendable`: the job queue is behind a `Mutex`; the `DataStore` is touched only on the
/// worker thread.
public final class StoreWorker: @unchecked Sendable {
    /// Work for the store; runs on the worker thread.
    public typealias Job = @Sendable (DataStore) -> Void

    private enum Item {
        case job(Job)
        case stop
    }

    private let store: DataStore
    private let queue = Mutex<[Item]>([])
    private let wakeUp: UnsafeMutablePointer<sem_t>
    private let sweepInterval: Duration?
    private let onSweepError: (@Sendable (Error) -> Void)?
    private var thread = pthread_t()
    private let stopped = Mutex(false)

    /// Takes ownership of `store` and starts the thread.
    ///
    /// With `sweepInterval`, `deleteExpired(now: .now())` also runs whenever that long passes without
    /// other work in between being enough to trigger it (checked after each wake-up); failures go to
    /// `onSweepError` (log them; never message text, since errors carry none).
    public init(store: sending DataStore, sweepInterval: Duration? = nil,
                onSweepError: (@Sendable (Error) -> Void)? = nil) throws(StoreError) {
        self.store = store
        self.sweepInterval = sweepInterval
        self.onSweepError = onSweepError
        wakeUp = .allocate(capacity: 1)
        sem_init(wakeUp, 0, 0)
        let context = Unmanaged.passRetained(self).toOpaque()
        let code = pthread_create(&thread, nil, storeWorkerMain, context)
        guard code == 0 else {
            Unmanaged<StoreWorker>.fromOpaque(context).release()
            throw StoreError.system("pthread_create(store worker)", errno: code)
        }
    }

    deinit {
        sem_destroy(wakeUp)
        wakeUp.deallocate()
    }

    /// Queues a job; returns at once.
    public func submit(_ job: @escaping Job) {
        queue.withLock { $0.append(.job(job)) }
        sem_post(wakeUp)
    }

    /// Runs `work` on the worker and hands its result to `completion`, also on the worker thread.
    public func perform<T>(_ work: @escaping @Sendable (DataStore) throws -> T,
                           completion: @escaping @Sendable (Result<T, Error>) -> Void) {
        submit { store in completion(Result { try work(store) }) }
    }

    /// Runs `work` on the worker and blocks the calling thread until it is done. For command-line tools,
    /// start-up and tests only: never call it from an event loop.
    public func performAndWait<T: Sendable>(_ work: @escaping @Sendable (DataStore) throws -> T) throws -> T {
        let done = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
        sem_init(done, 0, 0)
        defer { sem_destroy(done); done.deallocate() }
        let result = Mutex<Result<T, Error>?>(nil)
        let signal = SendablePointer(done)
        submit { store in
            let outcome = Result { try work(store) }
            result.withLock { $0 = outcome }
            sem_post(signal.pointer)
        }
        while sem_wait(done) != 0 {}
        guard let outcome = result.withLock({ $0 }) else { throw StoreError.corrupt("store job did not finish") }
        return try outcome.get()
    }

    /// Runs the jobs already queued, then ends the thread and waits for it. Later submissions are dropped.
    public func shutdown() {
        let alreadyStopped = stopped.withLock { wasStopped in
            defer { wasStopped = true }
            return wasStopped
        }
        guard !alreadyStopped else { return }
        queue.withLock { $0.append(.stop) }
        sem_post(wakeUp)
        pthread_join(thread, nil)
    }

    fileprivate func run() {
        var lastSweep = WallTime.now()
        while true {
            waitForWork()
            if let interval = sweepInterval, WallTime.now().since(lastSweep) >= interval {
                lastSweep = WallTime.now()
                do { try store.deleteExpired(now: lastSweep) } catch { onSweepError?(error) }
            }
            let items = queue.withLock { items in
                defer { items.removeAll(keepingCapacity: true) }
                return items
            }
            for item in items {
                switch item {
                case .job(let job): job(store)
                case .stop: return
                }
            }
        }
    }

    /// Sleeps until a job arrives or, with a sweep interval, until the interval elapses.
    private func waitForWork() {
        guard let interval = sweepInterval else {
            while sem_wait(wakeUp) != 0 {}
            return
        }
        var deadline = timespec()
        clock_gettime(CLOCK_REALTIME, &deadline)
        let total = Int64(deadline.tv_nsec) + interval.wholeMilliseconds * 1_000_000
        deadline.tv_sec += Int(total / 1_000_000_000)
        deadline.tv_nsec = Int(total % 1_000_000_000)
        while sem_timedwait(wakeUp, &deadline) != 0 && errno == EINTR {}
    }
}

/// A semaphore pointer handed to a job that signals it; the semaphore outlives the job by construction.
private struct SendablePointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<sem_t>
    init(_ pointer: UnsafeMutablePointer<sem_t>) { self.pointer = pointer }
}

/// The thread entry point: a top-level function, so it is not inferred to be main-actor isolated.
private func storeWorkerMain(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let context else { return nil }
    let worker = Unmanaged<StoreWorker>.fromOpaque(context).takeRetainedValue()
    worker.run()
    return nil
}
