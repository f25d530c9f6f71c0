import Testing
@testable import Chat

@Suite("Match queue complexity")
struct MatchQueueTests {
    @Test("10,000 waiters: a topic arrival looks at a handful of entries, not the whole line")
    func tenThousandWaiting() {
        var queue = MatchQueue()
        let n = 10_000
        for index in 0..<n {
            _ = queue.enqueue(PeerID("p_\(index)"), topics: ["topic\(index)"], now: 0, patience: 60_000)
        }
        #expect(queue.count == n)
        let before = queue.examined
        let partner = queue.takePartner(topics: ["topic7777", "nobody"], flexible: false) { _ in true }
        #expect(partner == PeerID("p_7777"))
        #expect(queue.examined - before <= 2)
        let flexibleBefore = queue.examined
        #expect(queue.takePartner(topics: [], flexible: true) { _ in true } == nil)
        #expect(queue.examined - flexibleBefore <= 1)
    }

    @Test("10,000 arrivals and departures cost O(n) in total")
    func linearOverall() {
        var queue = MatchQueue()
        let n = 10_000
        var pairs = 0
        for index in 0..<n {
            let topic = "t\(index % 100)"
            if queue.takePartner(topics: [topic], flexible: false, compatible: { _ in true }) != nil {
                pairs += 1
            } else {
                _ = queue.enqueue(PeerID("p_\(index)"), topics: [topic], now: 0, patience: 1000)
            }
            if index % 3 == 0 { queue.remove(PeerID("p_\(index - 1)")) }
        }
        let promoted = queue.promote(now: 1000) { _, _ in true }
        #expect(pairs > 0)
        #expect(queue.count <= 1)
        #expect(promoted.count * 2 + queue.count > 0)
        #expect(queue.examined < 6 * n)
    }

    @Test("promotion pairs expired waiters first come, first served, in linear work")
    func promotionIsLinear() {
        var queue = MatchQueue()
        let n = 10_000
        for index in 0..<n { _ = queue.enqueue(PeerID("p_\(index)"), topics: ["u\(index)"], now: UInt64(index), patience: 1000) }
        let pairs = queue.promote(now: UInt64(n) + 1000) { _, _ in true }
        #expect(pairs.count == n / 2)
        #expect(pairs.first.map { [$0.0, $0.1] } == [PeerID("p_0"), PeerID("p_1")])
        #expect(pairs.last.map { [$0.0, $0.1] } == [PeerID("p_9998"), PeerID("p_9999")])
        #expect(queue.examined < 4 * n)
        #expect(queue.count == 0)
    }

    @Test("blocked candidates are skipped, and the earlier of two topic lines wins")
    func skipsBlockedAndPicksEarliest() {
        var queue = MatchQueue()
        _ = queue.enqueue(PeerID("p_a"), topics: ["x"], now: 0, patience: 1000)
        _ = queue.enqueue(PeerID("p_b"), topics: ["y"], now: 0, patience: 1000)
        _ = queue.enqueue(PeerID("p_c"), topics: ["x"], now: 0, patience: 1000)
        let partner = queue.takePartner(topics: ["y", "x"], flexible: false) { $0 != PeerID("p_a") }
        #expect(partner == PeerID("p_b"))
        #expect(queue.takePartner(topics: ["x"], flexible: false) { _ in true } == PeerID("p_a"))
    }

    @Test("removed waiters leave no trace in later matches")
    func staleEntries() {
        var queue = MatchQueue()
        for index in 0..<100 { _ = queue.enqueue(PeerID("p_\(index)"), topics: ["x"], now: 0, patience: 0) }
        for index in 0..<99 { queue.remove(PeerID("p_\(index)")) }
        #expect(queue.takePartner(topics: ["x"], flexible: true) { _ in true } == PeerID("p_99"))
        #expect(queue.count == 0)
        #expect(queue.byTopic.isEmpty)
    }
}
