extension MatchQueue {
    func isLive(_ ticket: Ticket) -> Bool { waiters[ticket.peer]?.number == ticket.number }

    /// The earliest live, compatible waiter in a topic line, dropping stale entries at its head.
    mutating func firstLive(inTopic topic: String, compatible: (PeerID) -> Bool) -> Ticket? {
        while let head = byTopic[topic]?.first, !isLive(head) {
            byTopic[topic]?.popFirst()
            examined += 1
        }
        guard let line = byTopic[topic] else { return nil }
        return firstAcceptable(in: line, compatible: compatible)
    }

    /// The earliest live, compatible flexible waiter, dropping stale entries at the head.
    mutating func firstLiveFlexible(compatible: (PeerID) -> Bool) -> Ticket? {
        while let head = flexibleLine.first, !isLive(head) {
            flexibleLine.popFirst()
            examined += 1
        }
        return firstAcceptable(in: flexibleLine, compatible: compatible)
    }

    private mutating func firstAcceptable(in line: FIFO<Ticket>, compatible: (PeerID) -> Bool) -> Ticket? {
        var count = 0
        let waiters = self.waiters
        let index = line.firstIndex(examined: &count) { ticket in
            waiters[ticket.peer]?.number == ticket.number && compatible(ticket.peer)
        }
        examined += count
        return index.map { line[$0] }
    }

    mutating func compactTopic(_ topic: String) {
        let waiters = self.waiters
        byTopic[topic]?.compact { waiters[$0.peer]?.number == $0.number }
    }

    mutating func compactFlexible() {
        let waiters = self.waiters
        flexibleLine.compact { waiters[$0.peer]?.number == $0.number }
    }
}
