extension Lobby {
    /// The §9 actions on the room itself rather than on one person.
    mutating func moderateRoom(_ roomID: RoomID, _ action: ModerationAction, _ notice: inout ModerationNotice,
                               _ context: RequestContext) throws(Refusal) {
        switch action {
        case .delete(let seq):
            guard let last = rooms[roomID]?.lastSeq, seq >= 1, seq <= last else {
                throw Refusal(.badRequest, "There is no message with that seq in this room.")
            }
            _ = rooms[roomID]?.history.update(seq: seq) { $0.deleted = true }
            notice.seq = seq
        case .lock, .unlock:
            rooms[roomID]?.locked = action == .lock
        case .slow(let seconds):
            guard (0...3600).contains(seconds) else { throw Refusal(.badRequest, "seconds must be between 0 and 3600.") }
            rooms[roomID]?.slowMilliseconds = UInt64(seconds) * 1000
            rooms[roomID]?.lastSaidAt = [:]
            notice.seconds = seconds
        case .closeRoom:
            guard let room = rooms[roomID] else { return }
            broadcast(.moderation(notice), in: roomID, answering: context)
            endRoom(roomID, telling: .closedByFacilitator, endedWith: room)
        case .announce(let raw):
            let text = try TextRules.messageText(raw, limit: configuration.textLimit)
            guard let peer = peers[context.peer] else { return }
            _ = deliver(text, in: roomID, from: peer, role: .facilitator, answering: context, announcement: true)
        case .setAgreement(let raw):
            let agreement = try agreementText(raw)
            rooms[roomID]?.agreement = agreement
            guard let members = rooms[roomID]?.members.keys else { return }
            for member in members { rooms[roomID]?.members[member]?.mustAgree = agreement != nil && member != context.peer }
        case .mute, .unmute, .remove, .ban, .unban:
            break
        }
    }
}
