extension Lobby {
    /// The room as `peer` sees it on entering (`joined`).
    func snapshot(of roomID: RoomID, for peer: PeerID) -> RoomSnapshot? {
        guard let room = rooms[roomID], let you = room.members[peer] else { return nil }
        let members = room.orderedMembers.map { member in
            MemberSnapshot(peer: member.peer, name: peers[member.peer]?.name ?? "", role: member.role,
                           consent: member.consent, here: member.client != nil)
        }
        return RoomSnapshot(room: room.id, kind: room.kind, title: room.title, topics: room.topics, agreement: room.agreement,
                            members: members, seq: room.lastSeq, yourRole: you.role)
    }

    /// Puts a peer into a room and tells the others (`presence: joined`).
    mutating func addMember(_ id: PeerID, to roomID: RoomID, role: RoomRole) {
        guard let peer = peers[id], rooms[roomID] != nil else { return }
        rooms[roomID]?.add(id, role: role, client: peer.client, blocksAnyone: !peer.blocked.isEmpty)
        peers[id]?.rooms.append(roomID)
        if rooms[roomID]?.kind == .pair { peers[id]?.pairRoom = roomID }
        broadcast(.presence(room: roomID, peer: id, name: peer.name, state: .joined), in: roomID, except: id)
    }

    /// Takes a peer out of a room. The others see `presence: left`; a pair room closes for the
    /// other person (`closed`, `peer_left`); an open room that empties disappears. The leaver is
    /// not told here (callers send `left` or `closed` as fits).
    mutating func removeMember(_ id: PeerID, from roomID: RoomID) {
        guard let room = rooms[roomID], room.members[id] != nil else { return }
        detach(id, from: roomID)
        rooms[roomID]?.members[id] = nil
        rooms[roomID]?.consentingDeparted[id] = room.members[id]?.consent == true ? peers[id]?.name ?? "" : nil
        if room.origin == .pair {
            endRoom(roomID, telling: .peerLeft, endedWith: room)
            return
        }
        let name = peers[id]?.name ?? ""
        broadcast(.presence(room: roomID, peer: id, name: name, state: .left), in: roomID)
        guard rooms[roomID]?.members.isEmpty == true else { return }
        switch room.origin {
        case .open: endRoom(roomID, telling: nil, endedWith: room)
        case .standing:
            reportEnding(of: room)
            keepHistory(of: roomID)
        case .created, .pair: break
        }
    }

    /// Forgets the room on the peer's side (its room list and pair slot).
    mutating func detach(_ id: PeerID, from roomID: RoomID) {
        peers[id]?.rooms.removeAll { $0 == roomID }
        if peers[id]?.pairRoom == roomID { peers[id]?.pairRoom = nil }
    }

    /// Ends a room: every remaining member is detached and told `closed` with `reason` (when given),
    /// a transcript is offered if consent allows (judged on the members it had, `endedWith`), and the room is removed
    /// unless it is a standing room, which is only emptied.
    mutating func endRoom(_ roomID: RoomID, telling reason: ClosedReason?, endedWith before: Room) {
        guard let room = rooms[roomID] else { return }
        for member in room.members.values {
            detach(member.peer, from: roomID)
            if let reason { tellClosed(roomID, reason: reason, to: member.peer) }
        }
        reportEnding(of: before)
        if room.origin == .standing {
            rooms[roomID]?.members = [:]
            keepHistory(of: roomID)
        } else {
            rooms[roomID] = nil
        }
    }

    /// Sends `closed` to a connected peer, or keeps it for their resume.
    mutating func tellClosed(_ roomID: RoomID, reason: ClosedReason, to peer: PeerID) {
        if let client = peers[peer]?.client {
            send(.closed(room: roomID, reason: reason), to: client)
        } else {
            peers[peer]?.missedMessages.append(.closed(room: roomID, reason: reason))
        }
    }

    /// Opens a pair room for two matched peers; both receive `joined` with `kind: pair`.
    mutating func openPairRoom(_ first: PeerID, _ second: PeerID, rng: inout some RandomNumberGenerator) {
        var id = RoomID(IdentifierFactory.make(prefix: "r_", using: &rng))
        while rooms[id] != nil { id = RoomID(IdentifierFactory.make(prefix: "r_", using: &rng)) }
        let shared = (peers[first]?.matchTopics ?? []).filter { (peers[second]?.matchTopics ?? []).contains($0) }
        rooms[id] = Room(id: id, origin: .pair, listOrder: 0, title: nil, topics: shared, agreement: nil, capacity: 2,
                         historyCapacity: configuration.historyCapacity)
        for peer in [first, second] {
            guard let client = peers[peer]?.client, let blocked = peers[peer]?.blocked else { continue }
            rooms[id]?.add(peer, role: .member, client: client, blocksAnyone: !blocked.isEmpty)
            peers[peer]?.rooms.append(id)
            peers[peer]?.pairRoom = id
        }
        let coach = makeCoach(for: id, kind: .pair)
        rooms[id]?.coach = coach
        for peer in [first, second] {
            if let snapshot = snapshot(of: id, for: peer) { send(.joined(snapshot), toPeer: peer) }
        }
        coachRoomOpened(id)
    }
}
