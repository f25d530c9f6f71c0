extension Lobby {
    /// `say`: the hot path. Checks membership, mute, agreement, length, slow mode and the rate limit,
    /// then numbers the message, encodes it once for every member, and gives the sender a copy with
    /// `ref`. Refused messages are not delivered and do not use up the rate limit.
    mutating func say(_ raw: String, in roomID: RoomID, _ context: RequestContext) throws(Refusal) {
        let admitted = try admit(raw, in: roomID, from: context.peer)
        guard let peer = peers[context.peer] else { return }
        let (time, rate, burst) = (now.monotonic, configuration.ratePerSecond, configuration.rateBurst)
        guard peers[peer.id]?.bucket.take(now: time, perSecond: rate, burst: burst) == true else { throw Refusal(.rateLimited) }
        if admitted.slowMode { rooms[roomID]?.lastSaidAt[peer.id] = now.monotonic }
        let seq = deliver(admitted.text, in: roomID, from: peer, role: admitted.role, answering: context, announcement: false)
        reflectOnSent(admitted.text, seq: seq, in: roomID, context)
    }

    /// The checks before a message counts against the rate limit: member, not muted, agreement
    /// accepted, length, slow mode. Reads only, and in its own frame, so no copy of the room
    /// outlives it (a live copy would make the history append below copy the whole ring).
    func admit(_ raw: String, in roomID: RoomID, from peer: PeerID) throws(Refusal) -> (text: String, role: RoomRole, slowMode: Bool) {
        guard let room = rooms[roomID], let member = room.members[peer] else { throw Refusal(.notInRoom) }
        if let until = room.mutedUntil[peer], until > now.monotonic { throw Refusal(.muted) }
        if member.mustAgree { throw Refusal(.agreementRequired, agreement: room.agreement) }
        let text = try TextRules.messageText(raw, limit: configuration.textLimit)
        let slowMode = room.slowMilliseconds > 0 && member.role != .facilitator
        if slowMode, let last = room.lastSaidAt[peer], now.monotonic < last &+ room.slowMilliseconds {
            throw Refusal(.rateLimited, "This room is in slow mode; please wait a little before your next message.")
        }
        return (text, member.role, slowMode)
    }

    /// Numbers a message (`seq` + 1), keeps it for history, and sends it to every member: one shared
    /// encoding, the sender's copy with `ref`. Members who blocked the author do not receive it.
    mutating func deliver(_ text: String, in roomID: RoomID, from peer: Peer, role: RoomRole,
                          answering context: RequestContext, announcement: Bool) -> Int {
        var message = ChatMessage(room: roomID, seq: 0, from: peer.id, name: peer.name, role: role, text: text,
                                  at: now.wall, announcement: announcement)
        message.seq = rooms[roomID]?.record(message) ?? 0
        broadcast(.message(message), in: roomID, answering: context, author: peer.id)
        return message.seq
    }

    /// `history`: kept messages with `seq > after` (at most `limit`, clamped to the page limit) and
    /// whether more follow. Messages from people the requester blocked are left out.
    mutating func history(of roomID: RoomID, after: Int, limit: Int?, _ context: RequestContext) throws(Refusal) {
        _ = try membership(of: context.peer, in: roomID)
        guard after >= 0 else { throw Refusal(.badRequest, "after must be 0 or more.") }
        let requested = limit ?? configuration.historyPageLimit
        guard requested >= 1 else { throw Refusal(.badRequest, "limit must be at least 1.") }
        guard var page = rooms[roomID]?.history.page(after: after, limit: min(requested, configuration.historyPageLimit)) else { return }
        if let blocked = peers[context.peer]?.blocked, !blocked.isEmpty {
            page.messages.removeAll { !$0.deleted && blocked.contains($0.from) }
        }
        send(.history(room: roomID, entries: page.messages, more: page.more), to: context.client, ref: context.ref)
    }

    /// `typing`: tells the others, at most once per interval per peer; extra notices vanish silently.
    mutating func typing(in roomID: RoomID, _ context: RequestContext) throws(Refusal) {
        _ = try membership(of: context.peer, in: roomID)
        if let last = peers[context.peer]?.lastTypingAt, now.monotonic < last &+ configuration.typingIntervalMilliseconds {
            return
        }
        peers[context.peer]?.lastTypingAt = now.monotonic
        broadcast(.typing(room: roomID, peer: context.peer), in: roomID, except: context.peer, author: context.peer)
    }
}
