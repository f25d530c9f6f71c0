extension Lobby {
    /// `match`: pairs at once with the best waiting partner, or joins the queue.
    ///
    /// The answer is always `queued` (with `ref`); when a partner was found it is followed by
    /// `joined` for both. `position` counts everyone waiting, this peer included, at that moment.
    /// Positions are not re-sent as others leave: with topic preference the line is not strictly
    /// ordered, and telling 10,000 waiters about every pairing would cost O(waiting) frames each.
    mutating func match(topics raw: [String], _ context: RequestContext, rng: inout some RandomNumberGenerator) throws(Refusal) {
        guard let peer = peers[context.peer] else { return }
        guard peer.pairRoom == nil else { throw Refusal(.alreadyPaired) }
        guard !matchQueue.contains(peer.id) else { throw Refusal(.alreadyQueued) }
        guard let topics = TextRules.normalizedTopics(raw, maxCount: configuration.maxTopics,
                                                      maxLength: configuration.maxTopicLength)
        else {
            throw Refusal(.badRequest, "Up to \(configuration.maxTopics) topics, each 1 to \(configuration.maxTopicLength) characters.")
        }
        peers[peer.id]?.matchTopics = topics
        let flexible = topics.isEmpty || configuration.topicPatienceMilliseconds == 0
        if let partner = takePartner(for: peer, topics: topics, flexible: flexible) {
            send(.queued(position: 1), to: context.client, ref: context.ref)
            openPairRoom(partner, peer.id, rng: &rng)
        } else {
            let position = matchQueue.enqueue(peer.id, topics: topics, now: now.monotonic,
                                              patience: configuration.topicPatienceMilliseconds)
            send(.queued(position: position), to: context.client, ref: context.ref)
        }
    }

    /// `unmatch`: leaves the queue (`unqueued`), or `not_queued`.
    mutating func unmatch(_ context: RequestContext) throws(Refusal) {
        guard matchQueue.remove(context.peer) else { throw Refusal(.notQueued) }
        send(.unqueued, to: context.client, ref: context.ref)
    }

    /// Takes the best partner for `peer` out of the queue: never someone either of them blocked.
    mutating func takePartner(for peer: Peer, topics: [String], flexible: Bool) -> PeerID? {
        let everyone = peers
        return matchQueue.takePartner(topics: topics, flexible: flexible) { other in
            guard let candidate = everyone[other] else { return false }
            return !peer.isBlocked(with: candidate)
        }
    }

    /// Waiters whose topic patience ended, paired with whoever is flexible (first come, first served).
    mutating func promoteWaiters() -> [(PeerID, PeerID)] {
        let everyone = peers
        return matchQueue.promote(now: now.monotonic) { first, second in
            guard let a = everyone[first], let b = everyone[second] else { return false }
            return !a.isBlocked(with: b)
        }
    }
}
