import CLinux
import Glibc

/// A thin owner of one `epoll` instance: registration by 64-bit token, and waiting with EINTR retried.
///
/// Level-triggered throughout: a loop reads at most one 64 KiB chunk per connection per turn and comes
/// back for the rest, so a busy connection cannot starve the others, and no "ready list" has to be kept
/// by hand as edge-triggered mode would need. `EPOLLOUT` is registered only while a write is blocked.
struct Epoll: ~Copyable {
    let fd: Int32

    init() throws(SystemError) {
        fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        if fd < 0 { throw .last("epoll_create1") }
    }

    deinit { close(fd) }

    static let readable = EPOLLIN.rawValue | EPOLLRDHUP.rawValue
    static let writable = EPOLLOUT.rawValue

    func add(_ descriptor: Int32, token: UInt64, events: UInt32) throws(SystemError) {
        try control(EPOLL_CTL_ADD, descriptor, token: token, events: events, name: "epoll_ctl(ADD)")
    }

    func modify(_ descriptor: Int32, token: UInt64, events: UInt32) throws(SystemError) {
        try control(EPOLL_CTL_MOD, descriptor, token: token, events: events, name: "epoll_ctl(MOD)")
    }

    func remove(_ descriptor: Int32) {
        var event = epoll_event()
        _ = epoll_ctl(fd, EPOLL_CTL_DEL, descriptor, &event)
    }

    private func control(_ operation: Int32, _ descriptor: Int32, token: UInt64, events: UInt32, name: String) throws(SystemError) {
        var event = epoll_event()
        event.events = events
        event.data.u64 = token
        if epoll_ctl(fd, operation, descriptor, &event) != 0 { throw .last(name) }
    }

    /// Waits up to `timeoutMS` (-1: forever) and returns how many events were written to `events`.
    func wait(into events: UnsafeMutablePointer<epoll_event>, capacity: Int, timeoutMS: Int32) -> Int {
        while true {
            let count = epoll_wait(fd, events, Int32(capacity), timeoutMS)
            if count >= 0 { return Int(count) }
            if errno != EINTR { return 0 }
        }
    }
}
