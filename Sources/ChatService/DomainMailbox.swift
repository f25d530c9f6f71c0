import Glibc

/// The queue of chat inputs, fed from any thread, in one global order.
///
/// Whoever handles jobs (an I/O loop draining inline, or the domain thread) takes them from here while
/// holding the domain lock, so every input is handled exactly once and in the order it was posted.
/// Posting is one mutex and one append; the domain thread is woken only when asked and asleep.
final class DomainMailbox<Job: Sendable>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var jobs: [Job] = []
    private var sleeping = false
    private var closed = false

    init() {
        pthread_mutex_init(&mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(&condition, &attributes)
        pthread_condattr_destroy(&attributes)
        jobs.reserveCapacity(256)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    /// Adds a job. `wake`: rouse the domain thread if it sleeps (for posters that will not drain
    /// themselves). Jobs posted after `close()` are dropped.
    func post(_ job: Job, wake: Bool = true) {
        pthread_mutex_lock(&mutex)
        guard !closed else { pthread_mutex_unlock(&mutex); return }
        jobs.append(job)
        let signal = wake && sleeping
        if signal { sleeping = false }
        pthread_mutex_unlock(&mutex)
        if signal { pthread_cond_signal(&condition) }
    }

    /// Moves every pending job into `batch` (which should be empty); false when there were none.
    func takeAll(into batch: inout [Job]) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard !jobs.isEmpty else { return false }
        swap(&batch, &jobs)
        return true
    }

    /// Puts jobs that were taken but not handled back in front, keeping their order.
    func putBack(_ unhandled: ArraySlice<Job>) {
        pthread_mutex_lock(&mutex)
        jobs.insert(contentsOf: unhandled, at: 0)
        pthread_mutex_unlock(&mutex)
    }

    /// Whether nothing is pending.
    var isEmpty: Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return jobs.isEmpty
    }

    /// Wakes the domain thread (it will look at the queue).
    func wake() {
        pthread_mutex_lock(&mutex)
        let signal = sleeping
        sleeping = false
        pthread_mutex_unlock(&mutex)
        if signal { pthread_cond_signal(&condition) }
    }

    /// Blocks the domain thread until a job is pending, the mailbox closes, or the monotonic clock reaches
    /// `deadlineMS`. Returns false once closed with nothing left to do.
    func waitForWork(until deadlineMS: UInt64) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while jobs.isEmpty && !closed {
            if MonotonicMilliseconds.now() >= deadlineMS { break }
            sleeping = true
            var until = timespec(tv_sec: Int(deadlineMS / 1000), tv_nsec: Int(deadlineMS % 1000) * 1_000_000)
            let result = pthread_cond_timedwait(&condition, &mutex, &until)
            sleeping = false
            if result == ETIMEDOUT { break }
        }
        return !(closed && jobs.isEmpty)
    }

    /// Stops accepting jobs and wakes the domain thread so it can finish.
    func close() {
        pthread_mutex_lock(&mutex)
        closed = true
        pthread_mutex_unlock(&mutex)
        pthread_cond_broadcast(&condition)
    }
}
