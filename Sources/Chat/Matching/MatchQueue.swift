/// The peers waiting to be matched: first come, first served, preferring a shared topic.
///
/// Every waiter gets a rising ticket number and an entry in a line per topic it named, plus one of
/// two lines: *flexible* (will take anyone: no topics, or its topic patience ran out) or *pending*
/// (still holding out for a shared topic, ordered by when its patience ends). An arrival looks only
/// at the head of each of its topic lines (at most 5) and, if it is flexible itself, the head of the
/// flexible line, and picks the lowest ticket. Leaving the queue is lazy: an entry is stale when
/// its ticket no longer matches the waiter's, and stale entries are dropped when they reach a head
/// or compacted in bulk, so each operation is O(topics + entries skipped), amortised O(1) per entry,
/// never a scan of everyone waiting. Blocked pairs are skipped, so they cost one step each.
struct MatchQueue: Sendable {
    struct Ticket: Sendable {
        let number: UInt64
        let peer: PeerID
        /// When this waiter stops holding out for a shared topic (monotonic ms).
        let flexibleAt: UInt64
    }

    struct Waiter: Sendable {
        let number: UInt64
        let topics: [String]
        var flexible: Bool
    }

    private(set) var waiters: [PeerID: Waiter] = [:]
    var byTopic: [String: FIFO<Ticket>] = [:]
    private var liveByTopic: [String: Int] = [:]
    var flexibleLine = FIFO<Ticket>()
    private var flexibleLive = 0
    private var pendingLine = FIFO<Ticket>()
    private var nextNumber: UInt64 = 0
    /// Line entries looked at so far: lets tests assert the work per arrival without timing it.
    var examined = 0

    var count: Int { waiters.count }

    func contains(_ peer: PeerID) -> Bool { waiters[peer] != nil }

    /// When the next waiter's topic patience ends, if anyone is holding out.
    var nextDeadline: UInt64? { pendingLine.first?.flexibleAt }

    /// Finds, removes and returns the best partner for an arrival, or nil if nobody suits.
    mutating func takePartner(topics: [String], flexible: Bool, compatible: (PeerID) -> Bool) -> PeerID? {
        var best: Ticket?
        for topic in topics {
            guard let candidate = firstLive(inTopic: topic, compatible: compatible) else { continue }
            if best.map({ candidate.number < $0.number }) ?? true { best = candidate }
        }
        if best == nil, flexible { best = firstLiveFlexible(compatible: compatible) }
        guard let best else { return nil }
        remove(best.peer)
        return best.peer
    }

    /// Adds a waiter at the back; returns its position (everyone waiting, itself included).
    mutating func enqueue(_ peer: PeerID, topics: [String], now: UInt64, patience: UInt64) -> Int {
        let flexible = topics.isEmpty || patience == 0
        let ticket = Ticket(number: nextNumber, peer: peer, flexibleAt: now &+ patience)
        nextNumber += 1
        waiters[peer] = Waiter(number: ticket.number, topics: topics, flexible: flexible)
        for topic in topics {
            byTopic[topic, default: FIFO()].append(ticket)
            liveByTopic[topic, default: 0] += 1
        }
        if flexible {
            flexibleLine.append(ticket)
            flexibleLive += 1
        } else {
            pendingLine.append(ticket)
        }
        return waiters.count
    }

    /// Takes a peer out of the queue; false when it was not waiting.
    @discardableResult
    mutating func remove(_ peer: PeerID) -> Bool {
        guard let waiter = waiters.removeValue(forKey: peer) else { return false }
        for topic in waiter.topics {
            let live = (liveByTopic[topic] ?? 1) - 1
            if live <= 0 {
                byTopic[topic] = nil
                liveByTopic[topic] = nil
            } else {
                liveByTopic[topic] = live
                if let stored = byTopic[topic]?.storedCount, stored > 2 * live + 32 { compactTopic(topic) }
            }
        }
        if waiter.flexible {
            flexibleLive -= 1
            if flexibleLine.storedCount > 2 * flexibleLive + 32 { compactFlexible() }
        }
        return true
    }

    /// Makes waiters whose patience ended flexible, pairing each with the earliest flexible waiter
    /// it may meet. Returns the pairs formed, earlier waiter first.
    mutating func promote(now: UInt64, compatible: (PeerID, PeerID) -> Bool) -> [(PeerID, PeerID)] {
        var pairs: [(PeerID, PeerID)] = []
        while let head = pendingLine.first, head.flexibleAt <= now {
            pendingLine.popFirst()
            examined += 1
            guard let waiter = waiters[head.peer], waiter.number == head.number, !waiter.flexible else { continue }
            if let partner = firstLiveFlexible(compatible: { compatible(head.peer, $0) }) {
                remove(partner.peer)
                remove(head.peer)
                pairs.append((partner.peer, head.peer))
            } else {
                waiters[head.peer]?.flexible = true
                flexibleLine.append(head)
                flexibleLive += 1
            }
        }
        return pairs
    }
}
