extension Lobby {
    /// `block`: the two are never matched again; a shared pair room closes (the blocker gets `left`,
    /// the other `closed` with `peer_left`); in group rooms the blocker stops receiving the other's
    /// messages and typing, and their history leaves them out. Blocking someone unknown or gone is
    /// accepted (it may be a peer id from an old conversation) and simply has nothing to act on.
    mutating func block(_ target: PeerID, _ context: RequestContext) throws(Refusal) {
        guard target != context.peer else { throw Refusal(.badRequest, "You can't block yourself.") }
        guard let peer = peers[context.peer] else { return }
        peers[peer.id]?.blocked.insert(target)
        for room in peer.rooms { rooms[room]?.members[peer.id]?.blocksAnyone = true }
        send(.blocked(peer: target), to: context.client, ref: context.ref)
        if let pair = peer.pairRoom, rooms[pair]?.members[target] != nil {
            send(.left(room: pair), to: context.client)
            removeMember(peer.id, from: pair)
        }
    }
}
