import Glibc

/// Runs closures after a delay on one small timer thread, so a slowed-down answer (a failed login waits
/// before its 401) never holds an event loop or the store thread.
final class DelayedCalls: @unchecked Sendable {
    private struct Pending {
        let deadline: UInt64
        let call: @Sendable () -> Void
    }

    private let mailbox = DomainMailbox<Pending>()
    private var thread: DomainThread?

    init() {
        thread = DomainThread.start(name: "withness-delay") { [mailbox] in
            var pending: [Pending] = []
            var batch: [Pending] = []
            while true {
                let next = pending.map(\.deadline).min() ?? MonotonicMilliseconds.now() + 60_000
                let open = mailbox.waitForWork(until: next)
                _ = mailbox.takeAll(into: &batch)
                pending.append(contentsOf: batch)
                batch.removeAll(keepingCapacity: true)
                let now = MonotonicMilliseconds.now()
                let due = pending.filter { $0.deadline <= now }
                pending.removeAll { $0.deadline <= now }
                for item in due { item.call() }
                if !open {
                    for item in pending { item.call() }
                    return
                }
            }
        }
    }

    /// Calls `call` once `delay` has passed (at once for a zero delay).
    func after(_ delay: Duration, _ call: @escaping @Sendable () -> Void) {
        let milliseconds = UInt64(max(0, delay.components.seconds)) * 1000
            + UInt64(max(0, delay.components.attoseconds / 1_000_000_000_000_000))
        mailbox.post(Pending(deadline: MonotonicMilliseconds.now() + milliseconds, call: call))
    }

    /// Runs what is still pending at once and stops the thread.
    func stop() {
        mailbox.close()
        thread?.join()
        thread = nil
    }
}
