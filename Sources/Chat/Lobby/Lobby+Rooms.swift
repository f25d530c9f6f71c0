extension Lobby {
    /// `rooms`: the group rooms one may join, standing rooms first, then by creation.
    mutating func listRooms(_ context: RequestContext) {
        let summaries = rooms.values.filter { $0.kind == .group }.sorted { $0.listOrder < $1.listOrder }.map { room in
            RoomSummary(room: room.id, title: room.title, topics: room.topics, members: room.members.count,
                        capacity: room.capacity, locked: room.locked, hasAgreement: room.agreement != nil)
        }
        send(.rooms(summaries), to: context.client, ref: context.ref)
    }

    /// `join`: enters a group room (or, with open rooms on, creates a peer-led one). Joining a room
    /// one is already in answers `joined` again, which is harmless and lets a client resync.
    mutating func join(_ roomID: RoomID, agree: Bool, _ context: RequestContext) throws(Refusal) {
        guard let peer = peers[context.peer] else { return }
        if rooms[roomID]?.members[peer.id] != nil {
            if let snapshot = snapshot(of: roomID, for: peer.id) { send(.joined(snapshot), to: context.client, ref: context.ref) }
            return
        }
        if let room = rooms[roomID] {
            try checkEntry(to: room, for: peer, agree: agree)
        } else {
            guard configuration.openRooms, roomID.isWellFormed, !roomID.hasReservedPrefix else { throw Refusal(.noSuchRoom) }
            rooms[roomID] = Room(id: roomID, origin: .open, listOrder: nextListOrder, title: nil, topics: [], agreement: nil,
                                 capacity: configuration.openRoomCapacity, historyCapacity: configuration.historyCapacity)
            let coach = makeCoach(for: roomID, kind: .group)
            rooms[roomID]?.coach = coach
            nextListOrder += 1
        }
        addMember(peer.id, to: roomID, role: peer.role.canFacilitate ? .facilitator : .member)
        if let snapshot = snapshot(of: roomID, for: peer.id) { send(.joined(snapshot), to: context.client, ref: context.ref) }
    }

    /// The refusals of protocol §5, in order: private, banned, locked, full, agreement not accepted.
    /// Facilitators and admins pass a lock and a full room (they may need to step in).
    func checkEntry(to room: Room, for peer: Peer, agree: Bool) throws(Refusal) {
        guard room.kind == .group else { throw Refusal(.forbidden, "That is a one-to-one room.") }
        guard !room.banned.contains(peer.id) else { throw Refusal(.banned) }
        let staff = peer.role.canFacilitate
        guard !room.locked || staff else { throw Refusal(.roomLocked) }
        if let capacity = room.capacity, room.members.count >= capacity, !staff { throw Refusal(.roomFull) }
        if let agreement = room.agreement, !agree { throw Refusal(.agreementRequired, agreement: agreement) }
    }

    /// `leave`: answers `left`; the others see `presence: left`, or `closed` in a pair room.
    mutating func leave(_ roomID: RoomID, _ context: RequestContext) throws(Refusal) {
        guard rooms[roomID]?.members[context.peer] != nil else { throw Refusal(.notInRoom) }
        send(.left(room: roomID), to: context.client, ref: context.ref)
        removeMember(context.peer, from: roomID)
    }

    /// The member record of the sender in a room, or `not_in_room`.
    func membership(of peer: PeerID, in roomID: RoomID) throws(Refusal) -> Room.Member {
        guard let member = rooms[roomID]?.members[peer] else { throw Refusal(.notInRoom) }
        return member
    }
}
