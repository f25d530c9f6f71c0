import CLinux
import Glibc
import Synchronization

/// The part of an event loop other threads may touch: its mailbox and the `eventfd` that wakes it.
///
/// Posting appends under a lock and writes the eventfd only if no wake-up is already pending, so a burst
/// of posts costs one syscall. Posts made on the loop's own thread (a handler answering inline) skip the
/// eventfd altogether: the loop drains its mailbox before it next sleeps.
final class LoopHandle: Sendable {
    private struct Mailbox {
        var jobs: [LoopJob] = []
        var wakePending = false
    }

    let index: Int
    let eventFD: Int32
    private let mailbox = Locked(Mailbox())
    /// `pthread_self()` of the loop thread once it runs (0 before).
    private let thread = Atomic<UInt>(0)

    init(index: Int) throws(SystemError) {
        self.index = index
        eventFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        if eventFD < 0 { throw .last("eventfd") }
    }

    deinit { close(eventFD) }

    /// Called first thing on the loop thread.
    func markCurrentThread() {
        thread.store(UInt(pthread_self()), ordering: .releasing)
    }

    var isCurrentThread: Bool {
        thread.load(ordering: .acquiring) == UInt(pthread_self())
    }

    /// The loop itself, for sends made on its own thread; set and read only on that thread.
    nonisolated(unsafe) private var localLoop: EventLoop?

    /// Called on the loop thread when its `EventLoop` exists (and with `nil` when it ends).
    func attach(_ loop: EventLoop?) {
        localLoop = loop
    }

    func post(_ job: LoopJob) {
        let onLoop = isCurrentThread
        enum Route { case inline, queued, queuedAndWake }
        let route = mailbox.withLock { box -> Route in
            // A send from a handler on this loop (an echo) is queued at once, keeping its order with any
            // close the same input causes; anything else, or anything behind queued jobs, waits its turn.
            if onLoop, box.jobs.isEmpty, job.runsInline { return .inline }
            box.jobs.append(job)
            guard !box.wakePending, !onLoop else { return .queued }
            box.wakePending = true
            return .queuedAndWake
        }
        switch route {
        case .inline: localLoop?.perform(job)
        case .queued: break
        case .queuedAndWake: signal()
        }
    }

    /// Swaps the pending jobs into `spare` (which must be empty) and clears the wake flag.
    func take(into spare: inout [LoopJob]) {
        mailbox.withLock { box in
            swap(&box.jobs, &spare)
            box.wakePending = false
        }
    }

    /// True when jobs are waiting (a cheap check before sleeping).
    var hasJobs: Bool { mailbox.withLock { !$0.jobs.isEmpty } }

    private func signal() {
        var one: UInt64 = 1
        while write(eventFD, &one, 8) < 0 && errno == EINTR {}
    }

    /// Clears the eventfd counter after a wake-up.
    func acknowledgeWake() {
        var value: UInt64 = 0
        while read(eventFD, &value, 8) < 0 && errno == EINTR {}
    }
}
