import CLinux
import Glibc
import Logging

/// One I/O thread: an epoll instance, its own listening socket, the connections it accepted, their timers,
/// and a mailbox. Created on its thread and never shared, so nothing in it needs a lock.
///
/// One turn: wait for events (or the next deadline), read and handle each ready connection (at most one
/// 64 KiB read each), accept, drain the mailbox, fire due timers, then flush every connection with
/// output queued this turn with one `writev` each.
final class EventLoop {
    let handle: LoopHandle
    let context: LoopContext
    let epoll: Epoll
    var listenerFD: Int32
    var connections: [Connection?] = []
    var freeSlots: [Int] = []
    /// Slots freed this turn; reused only next turn, so a stale event in this turn's batch hits nothing.
    var releasedSlots: [Int] = []
    var nextGeneration: UInt32 = 1
    var timers = TimerHeap()
    var dirty: [Connection] = []
    var flushing: [Connection] = []
    var teardowns: [Connection] = []
    var counters = LoopCounters()
    var spareJobs: [LoopJob] = []
    /// Shared by every connection of this loop: reads land here and only leftovers are copied out.
    let readBuffer: UnsafeMutableRawBufferPointer
    let vectors: UnsafeMutablePointer<iovec>
    let vectorCapacity = 64
    var now: UInt64
    var liveConnections = 0
    var refusingConnections = 0
    var shutdownDeadline: UInt64?
    var acceptResumesAt: UInt64?
    var lastAcceptWarning: UInt64 = 0

    static let listenerToken = UInt64.max
    static let mailboxToken = UInt64.max - 1

    init(handle: LoopHandle, context: LoopContext, listenerFD: Int32) throws(SystemError) {
        self.handle = handle
        self.context = context
        self.listenerFD = listenerFD
        epoll = try Epoll()
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        vectors = .allocate(capacity: vectorCapacity)
        now = MonotonicClock.nowMS()
        try epoll.add(handle.eventFD, token: Self.mailboxToken, events: EPOLLIN.rawValue)
        try epoll.add(listenerFD, token: Self.listenerToken, events: EPOLLIN.rawValue)
    }

    deinit {
        readBuffer.deallocate()
        vectors.deallocate()
    }

    var configuration: ServerConfiguration { context.configuration }
    var logger: Logger { context.logger }

    /// Runs turns until shutdown has closed every connection (or its deadline passed).
    func run() {
        let capacity = 256
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        while true {
            let count = epoll.wait(into: events, capacity: capacity, timeoutMS: waitTimeout())
            now = MonotonicClock.nowMS()
            for index in 0..<count {
                dispatch(token: events[index].data.u64, events: events[index].events)
                processTeardowns()
            }
            drainMailbox()
            fireTimers()
            resumeAcceptingIfDue()
            flushDirty()
            processTeardowns()
            context.metrics.flush(&counters)
            freeSlots += releasedSlots
            releasedSlots.removeAll(keepingCapacity: true)
            if let deadline = shutdownDeadline, liveConnections == 0 || now >= deadline { break }
        }
        closeEverything()
    }

    private func waitTimeout() -> Int32 {
        if !dirty.isEmpty || handle.hasJobs { return 0 }
        var wake = timers.earliest
        if let resume = acceptResumesAt { wake = min(wake ?? resume, resume) }
        if let deadline = shutdownDeadline { wake = min(wake ?? deadline, deadline) }
        guard let wake else { return -1 }
        let current = MonotonicClock.nowMS()
        return wake <= current ? 0 : Int32(min(wake - current, 60_000))
    }

    private func dispatch(token: UInt64, events: UInt32) {
        switch token {
        case Self.listenerToken: acceptConnections()
        case Self.mailboxToken: handle.acknowledgeWake()
        default:
            guard Int(token) < connections.count, let connection = connections[Int(token)], connection.phase != .closed else { return }
            if events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 && connection.readPaused {
                requestTeardown(connection)
                return
            }
            if events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
                readable(connection)
            }
            if events & EPOLLOUT.rawValue != 0 && connection.phase != .closed {
                writable(connection)
            }
        }
    }

    private func drainMailbox() {
        for _ in 0..<8 {
            handle.take(into: &spareJobs)
            if spareJobs.isEmpty { return }
            for job in spareJobs { perform(job) }
            spareJobs.removeAll(keepingCapacity: spareJobs.capacity <= 1024)
            processTeardowns()
        }
    }

    /// Closes whatever is left (shutdown deadline passed) and the loop's own descriptors.
    private func closeEverything() {
        for case let connection? in connections where connection.phase != .closed { requestTeardown(connection) }
        processTeardowns()
        if listenerFD >= 0 {
            close(listenerFD)
            listenerFD = -1
        }
    }
}
