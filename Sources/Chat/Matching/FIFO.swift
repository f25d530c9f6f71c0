/// A first-in-first-out line over an array with a moving head: O(1) push and pop, entries removed
/// from the middle lazily (the owner knows which are stale) and compacted in bulk.
struct FIFO<Element: Sendable>: Sendable {
    private var entries: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == entries.count }

    /// Entries still stored, stale ones included.
    var storedCount: Int { entries.count - head }

    var first: Element? { isEmpty ? nil : entries[head] }

    mutating func append(_ element: Element) { entries.append(element) }

    @discardableResult
    mutating func popFirst() -> Element? {
        guard !isEmpty else { return nil }
        let element = entries[head]
        head += 1
        if head >= 64, head * 2 >= entries.count {
            entries.removeFirst(head)
            head = 0
        }
        return element
    }

    /// Keeps only entries for which `keep` is true, preserving order (called when stale ones pile up).
    mutating func compact(keeping keep: (Element) -> Bool) {
        entries = entries[head...].filter(keep)
        head = 0
    }

    /// The index of the first entry, from the head, for which `accept` is true; `examined` counts
    /// the entries looked at (for complexity tests).
    func firstIndex(examined: inout Int, where accept: (Element) -> Bool) -> Int? {
        var index = head
        while index < entries.count {
            examined += 1
            if accept(entries[index]) { return index }
            index += 1
        }
        return nil
    }

    subscript(index: Int) -> Element { entries[index] }
}
