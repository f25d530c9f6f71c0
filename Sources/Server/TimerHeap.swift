/// The deadlines of one loop's connections, earliest first (a binary min-heap of 16-byte entries).
///
/// A connection keeps at most one live entry: it pushes a new one only when its next deadline moves
/// earlier, and an entry that no longer matches its connection's scheduled time is skipped when popped.
/// Deadlines that move later (every frame postpones the idle close) cost nothing: the old entry fires,
/// finds nothing due, and the connection schedules its real next deadline then.
struct TimerHeap {
    struct Entry {
        var deadline: UInt64
        var slot: UInt32
        var generation: UInt32
    }

    private var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }
    var earliest: UInt64? { entries.first?.deadline }

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].deadline < entries[parent].deadline else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry if it is due at `now`.
    mutating func popDue(now: UInt64) -> Entry? {
        guard let first = entries.first, first.deadline <= now else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown()
        }
        return first
    }

    private mutating func siftDown() {
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < entries.count && entries[left].deadline < entries[smallest].deadline { smallest = left }
            if right < entries.count && entries[right].deadline < entries[smallest].deadline { smallest = right }
            if smallest == parent { return }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
