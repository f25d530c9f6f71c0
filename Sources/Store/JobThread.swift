import Glibc

/// A thread that runs submitted closures one at a time, in submission order, and optionally a
/// periodic tick. The building block of `StoreWorker` (one for the database, one for password hashing).
///
/// `@unchecked Sendable`: the queue is guarded by a `pthread_mutex_t` (rather than `Synchronization.Mutex`,
/// whose futex calls ThreadSanitizer cannot see, so `--sanitize=thread` stays meaningful); `onTick` is
/// touched only by the thread itself.
final class JobThread: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    private enum Item {
        case job(Job)
        case stop
    }

    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var queue: [Item] = []
    private var stopping = false
    private let wakeUp: UnsafeMutablePointer<sem_t>
    private let tickInterval: Duration?
    private var onTick: Job?
    private var thread = pthread_t()

    /// Starts the thread. With `tickInterval`, `onTick` runs on the thread whenever that long has passed
    /// since it last ran (checked on every wake-up, so busy periods do not starve it).
    init(tickInterval: Duration? = nil, onTick: Job? = nil) throws(StoreError) {
        self.tickInterval = tickInterval
        self.onTick = onTick
        wakeUp = .allocate(capacity: 1)
        sem_init(wakeUp, 0, 0)
        lock = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        let context = Unmanaged.passRetained(self).toOpaque()
        let code = pthread_create(&thread, nil, jobThreadMain, context)
        guard code == 0 else {
            Unmanaged<JobThread>.fromOpaque(context).release()
            throw StoreError.system("pthread_create", errno: code)
        }
    }

    deinit {
        sem_destroy(wakeUp)
        wakeUp.deallocate()
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }

    /// Queues a job; returns at once. Jobs submitted after `shutdown` are dropped.
    func submit(_ job: @escaping Job) {
        locked { queue.append(.job(job)) }
        sem_post(wakeUp)
    }

    /// Runs the jobs already queued, then ends the thread and waits for it. A second call does nothing.
    func shutdown() {
        let wasStopping = locked {
            defer { stopping = true }
            if !stopping { queue.append(.stop) }
            return stopping
        }
        guard !wasStopping else { return }
        sem_post(wakeUp)
        pthread_join(thread, nil)
    }

    fileprivate func run() {
        // Released on exit: the tick closure may hold its owner, which would otherwise never be freed.
        defer { onTick = nil }
        var lastTick = ContinuousClock.now
        while true {
            waitForWork()
            if let interval = tickInterval, ContinuousClock.now - lastTick >= interval {
                lastTick = .now
                onTick?()
            }
            let items = locked {
                defer { queue.removeAll(keepingCapacity: true) }
                return queue
            }
            for item in items {
                switch item {
                case .job(let job): job()
                case .stop: return
                }
            }
        }
    }

    /// Sleeps until a job arrives or, with a tick interval, until the interval elapses.
    private func waitForWork() {
        guard let interval = tickInterval else {
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

/// The thread entry point: a top-level function, so it is not inferred to be main-actor isolated.
private func jobThreadMain(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let context else { return nil }
    Unmanaged<JobThread>.fromOpaque(context).takeRetainedValue().run()
    return nil
}
