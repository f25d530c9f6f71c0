/// The last `capacity` messages of a room, oldest first. Sequence numbers in the ring are contiguous,
/// so finding `seq > after` is arithmetic, not a search.
struct MessageRing: Sendable {
    private(set) var capacity: Int
    private var storage: [ChatMessage] = []
    private var start = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    var count: Int { storage.count }

    /// The oldest kept `seq`, or nil when empty.
    var firstSeq: Int? { storage.isEmpty ? nil : storage[start].seq }

    mutating func append(_ message: ChatMessage) {
        if storage.count < capacity {
            storage.append(message)
        } else {
            storage[start] = message
            start = (start + 1) % capacity
        }
    }

    /// Kept messages with `seq > after`, at most `limit`, and whether more follow them.
    func page(after: Int, limit: Int) -> (messages: [ChatMessage], more: Bool) {
        guard let first = firstSeq else { return ([], false) }
        let skip = max(0, after - first + 1)
        guard skip < storage.count else { return ([], false) }
        let available = storage.count - skip
        let taken = min(limit, available)
        var result: [ChatMessage] = []
        result.reserveCapacity(taken)
        for offset in skip..<(skip + taken) { result.append(storage[(start + offset) % storage.count]) }
        return (result, available > taken)
    }

    /// The kept message with this `seq`.
    func message(seq: Int) -> ChatMessage? {
        guard let first = firstSeq, seq >= first, seq - first < storage.count else { return nil }
        return storage[(start + seq - first) % storage.count]
    }

    /// Changes the kept message with this `seq`; false when it is no longer kept.
    mutating func update(seq: Int, _ change: (inout ChatMessage) -> Void) -> Bool {
        guard let first = firstSeq, seq >= first, seq - first < storage.count else { return false }
        change(&storage[(start + seq - first) % storage.count])
        return true
    }

    /// Changes how many messages are kept. Shrinking forgets the oldest at once (a room whose
    /// transcript consent ended keeps nothing beyond its usual history); growing keeps everything.
    mutating func resize(to newCapacity: Int) {
        let newCapacity = max(newCapacity, 1)
        guard newCapacity != capacity else { return }
        if start != 0 || storage.count > newCapacity {
            let ordered = storage[start...] + storage[..<start]
            storage = Array(ordered.suffix(newCapacity))
            start = 0
        }
        capacity = newCapacity
    }

    /// Every kept message, oldest first.
    var all: [ChatMessage] { page(after: Int.min / 2, limit: storage.count).messages }
}
