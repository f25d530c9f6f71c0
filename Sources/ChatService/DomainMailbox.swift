import Glibc

/// A queue of work for the domain thread, fed from any thread.
///
/// I/O loops post here for every chat message, so posting is cheap: one mutex, one append, and a
/// futex wake only when the domain thread is actually asleep. The domain thread takes the whole
/// backlog in one swap, so a burst of messages costs one wake-up, not one per message.
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

    /// Adds a job; wakes the domain thread if it sleeps. Jobs posted after `close()` are dropped.
    func post(_ job: Job) {
        pthread_mutex_lock(&mutex)
        guard !closed else { pthread_mutex_unlock(&mutex); return }
        jobs.append(job)
        let wake = sleeping
        sleeping = false
        pthread_mutex_unlock(&mutex)
        if wake { pthread_cond_signal(&condition) }
    }

    /// Takes every pending job, waiting until there is one, the mailbox closes, or the monotonic
    /// clock reaches `deadlineMS` (nil: no deadline). Returns nil once closed and drained.
    func take(into batch: inout [Job], until deadlineMS: UInt64?) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while jobs.isEmpty && !closed {
            sleeping = true
            if let deadlineMS {
                if MonotonicMilliseconds.now() >= deadlineMS { sleeping = false; break }
                var until = timespec(tv_sec: Int(deadlineMS / 1000), tv_nsec: Int(deadlineMS % 1000) * 1_000_000)
                if pthread_cond_timedwait(&condition, &mutex, &until) == ETIMEDOUT { sleeping = false; break }
            } else {
                pthread_cond_wait(&condition, &mutex)
            }
        }
        sleeping = false
        swap(&batch, &jobs)
        return !(closed && batch.isEmpty)
    }

    /// Stops accepting jobs and wakes the domain thread so it can finish.
    func close() {
        pthread_mutex_lock(&mutex)
        closed = true
        pthread_mutex_unlock(&mutex)
        pthread_cond_broadcast(&condition)
    }
}
