/// A binary min-heap of deadlines: O(log n) push and pop, O(1) earliest. Entries are never updated
/// in place; an owner whose deadline moved pushes a new entry and skips stale ones when they come
/// up (the room prompts keep at most one live entry per room, so the heap stays as small as the
/// number of rooms).
struct DeadlineHeap<Key: Sendable>: Sendable {
    struct Entry: Sendable {
        let deadline: UInt64
        let key: Key
    }

    private var entries: [Entry] = []

    var count: Int { entries.count }

    /// The earliest deadline, if any.
    var first: Entry? { entries.first }

    mutating func push(_ key: Key, at deadline: UInt64) {
        entries.append(Entry(deadline: deadline, key: key))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].deadline < entries[parent].deadline else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry.
    @discardableResult
    mutating func popFirst() -> Entry? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let earliest = entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < entries.count else { break }
            let right = left + 1
            let smaller = right < entries.count && entries[right].deadline < entries[left].deadline ? right : left
            guard entries[smaller].deadline < entries[parent].deadline else { break }
            entries.swapAt(parent, smaller)
            parent = smaller
        }
        return earliest
    }
}
