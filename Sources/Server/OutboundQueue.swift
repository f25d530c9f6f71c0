import CLinux
import Glibc

/// The bytes waiting to be written to one connection: shared frames in order, and how far into the first
/// one the socket has taken. Empty queues hold no storage, so idle connections cost nothing here.
struct OutboundQueue {
    private var frames: [OutboundFrame] = []
    private var head = 0
    /// Bytes of `frames[head]` already written.
    private var headOffset = 0
    /// Bytes not yet written.
    private(set) var queuedBytes = 0

    var isEmpty: Bool { queuedBytes == 0 }

    /// True when part of the first frame is on the wire (it must then be finished, never dropped).
    var isMidFrame: Bool { headOffset > 0 }

    mutating func append(_ frame: OutboundFrame) {
        guard frame.count > 0 else { return }
        frames.append(frame)
        queuedBytes += frame.count
    }

    /// Points up to `limit` iovecs at the unwritten bytes, in order; returns how many were filled.
    func gather(into vectors: UnsafeMutablePointer<iovec>, limit: Int) -> Int {
        var filled = 0
        var index = head
        while index < frames.count && filled < limit {
            let frame = frames[index]
            let skip = index == head ? headOffset : 0
            vectors[filled] = iovec(iov_base: frame.storage.baseAddress! + skip, iov_len: frame.count - skip)
            filled += 1
            index += 1
        }
        return filled
    }

    /// Frames (from the first unwritten one) for callers that copy rather than point, such as TLS.
    func forEachPending(_ body: (UnsafeRawBufferPointer) -> Bool) {
        var index = head
        while index < frames.count {
            let frame = frames[index]
            let skip = index == head ? headOffset : 0
            if !body(UnsafeRawBufferPointer(rebasing: frame.storage[skip..<frame.count])) { return }
            index += 1
        }
    }

    /// Drops `written` bytes from the front, releasing frames as they finish.
    mutating func consume(_ written: Int) {
        var left = written
        queuedBytes -= written
        while left > 0 && head < frames.count {
            let remaining = frames[head].count - headOffset
            if left < remaining {
                headOffset += left
                return
            }
            left -= remaining
            head += 1
            headOffset = 0
        }
        if head == frames.count { reset() } else if head > 64 && head * 2 > frames.count { compact() }
    }

    /// Forgets every frame not yet started (a slow reader being closed); a frame half on the wire stays,
    /// so the close frame that follows still lands on a frame boundary.
    mutating func dropUnstarted() {
        guard head < frames.count else { return }
        let keep = headOffset > 0 ? head + 1 : head
        for index in keep..<frames.count { queuedBytes -= frames[index].count }
        frames.removeSubrange(keep...)
        if head == frames.count { reset() }
    }

    private mutating func reset() {
        // A small array is kept for the next burst; a big one (after a backlog) is given back.
        frames.removeAll(keepingCapacity: frames.capacity <= 16)
        head = 0
        headOffset = 0
    }

    private mutating func compact() {
        frames.removeSubrange(0..<head)
        head = 0
    }
}
