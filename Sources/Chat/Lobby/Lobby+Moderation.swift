extension Lobby {
    /// `create_room` (facilitators and admins): answers `room_created`, then `joined` as its facilitator.
    mutating func createRoom(title rawTitle: String, agreement rawAgreement: String?, capacity: Int?, topics rawTopics: [String],
                             _ context: RequestContext, rng: inout some RandomNumberGenerator) throws(Refusal) {
        guard peers[context.peer]?.role.canFacilitate == true else {
            throw Refusal(.forbidden, "Only facilitators can create rooms.")
        }
        let title = TextRules.trimmed(rawTitle)
        guard !title.isEmpty, TextRules.fits(title, limit: 64) else { throw Refusal(.badRequest, "A title is 1 to 64 characters.") }
        let agreement = try agreementText(rawAgreement)
        let capacity = capacity ?? configuration.defaultRoomCapacity
        guard (2...configuration.maxRoomCapacity).contains(capacity) else {
            throw Refusal(.badRequest, "capacity must be between 2 and \(configuration.maxRoomCapacity).")
        }
        guard let topics = TextRules.normalizedTopics(rawTopics, maxCount: configuration.maxTopics,
                                                      maxLength: configuration.maxTopicLength)
        else { throw Refusal(.badRequest, "Up to \(configuration.maxTopics) topics, each 1 to \(configuration.maxTopicLength) characters.") }
        var id = RoomID(IdentifierFactory.make(prefix: "g_", using: &rng))
        while rooms[id] != nil { id = RoomID(IdentifierFactory.make(prefix: "g_", using: &rng)) }
        rooms[id] = Room(id: id, origin: .created, listOrder: nextListOrder, title: title, topics: topics, agreement: agreement,
                         capacity: capacity, historyCapacity: configuration.historyCapacity)
        nextListOrder += 1
        send(.roomCreated(room: id), to: context.client, ref: context.ref)
        let coach = makeCoach(for: id, kind: .group)
        rooms[id]?.coach = coach
        addMember(context.peer, to: id, role: .facilitator)
        if let snapshot = snapshot(of: id, for: context.peer) { send(.joined(snapshot), to: context.client) }
        coachRoomOpened(id)
    }

    /// An agreement as stored: trimmed, nil when empty, at most the text limit.
    func agreementText(_ raw: String?) throws(Refusal) -> String? {
        guard let raw else { return nil }
        let text = TextRules.trimmed(raw)
        guard TextRules.fits(text, limit: configuration.textLimit) else { throw Refusal(.tooLong) }
        return text.isEmpty ? nil : text
    }

    /// A §9 action by one of the room's facilitators or an admin; anyone else gets `forbidden`.
    /// Every action is reported to all members as `moderation` (the actor's copy carries `ref`),
    /// except `announce`, which becomes a `message` marked as an announcement.
    mutating func moderate(_ roomID: RoomID, _ action: ModerationAction, _ context: RequestContext) throws(Refusal) {
        guard let room = rooms[roomID] else { throw Refusal(.noSuchRoom) }
        guard room.kind == .group,
              room.members[context.peer]?.role == .facilitator || peers[context.peer]?.role == .admin
        else { throw Refusal(.forbidden) }
        if let target = action.targetPeer {
            guard target != context.peer else { throw Refusal(.badRequest, "That action is for someone else.") }
            let mustBeHere: Bool
            switch action {
            case .ban, .unban, .unmute: mustBeHere = false
            default: mustBeHere = true
            }
            if mustBeHere, room.members[target] == nil { throw Refusal(.badRequest, "That person is not in this room.") }
        }
        var notice = ModerationNotice(room: roomID, action: action.wireName, peer: action.targetPeer, seq: nil, by: context.peer,
                                      until: nil, seconds: nil)
        switch action {
        case .mute(let peer, let minutes):
            guard (1...10_080).contains(minutes) else { throw Refusal(.badRequest, "minutes must be between 1 and 10080.") }
            rooms[roomID]?.mutedUntil[peer] = now.monotonic &+ UInt64(minutes) * 60_000
            notice.until = now.wall + Int64(minutes) * 60_000
        case .unmute(let peer):
            rooms[roomID]?.mutedUntil[peer] = nil
        case .remove(let peer), .ban(let peer):
            if case .ban = action { rooms[roomID]?.banned.insert(peer) }
            broadcast(.moderation(notice), in: roomID, answering: context)
            if room.members[peer] != nil {
                tellClosed(roomID, reason: .removed, to: peer)
                removeMember(peer, from: roomID)
            }
            return
        case .unban(let peer):
            rooms[roomID]?.banned.remove(peer)
        default:
            try moderateRoom(roomID, action, &notice, context)
            guard action != .closeRoom, !isAnnouncement(action) else { return }
        }
        broadcast(.moderation(notice), in: roomID, answering: context)
        if case .setAgreement = action, let agreement = rooms[roomID]?.agreement {
            broadcast(.agreement(room: roomID, text: agreement), in: roomID)
        }
    }

    func isAnnouncement(_ action: ModerationAction) -> Bool {
        if case .announce = action { return true }
        return false
    }
}
