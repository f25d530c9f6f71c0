import Reflection

extension Lobby {
    /// A coach for a new room, or nil when reflection or room prompts are off. Its seed comes from the
    /// room id, so rooms start on different wordings and every run replays the same way.
    func makeCoach(for id: RoomID, kind: RoomKind) -> ConversationCoach? {
        guard let setup = reflection, setup.roomPrompts else { return nil }
        var seed: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in id.rawValue.utf8 { seed = (seed ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return ConversationCoach(kind: kind == .pair ? .pair : .group, prompts: setup.prompts, settings: setup.coach, seed: seed)
    }

    /// A room has just opened: a pair room gets its opening prompt (groups only if the coach is set to).
    mutating func coachRoomOpened(_ roomID: RoomID) {
        guard let prompts = rooms[roomID]?.coach?.roomOpened(now: now.monotonic) else { return }
        deliverPrompts(prompts, in: roomID)
        armPrompts(roomID)
    }

    /// Sends what the coach said: room prompts encoded once for every connected member who has not
    /// turned prompts off; nudges to their one member with `private: true`.
    mutating func deliverPrompts(_ prompts: [PromptEffect], in roomID: RoomID) {
        for prompt in prompts {
            switch prompt {
            case .toRoom(let words, let excluding):
                guard let members = rooms[roomID]?.members.values else { return }
                var clients: [ClientID] = []
                clients.reserveCapacity(members.count)
                for member in members where !excluding.contains(member.peer.rawValue) {
                    if let client = member.client { clients.append(client) }
                }
                if !clients.isEmpty { outbox.append(.send(ServerMessage.prompt(room: roomID, words, private: false).encoded(), to: clients)) }
            case .toMember(let member, let words):
                guard let client = rooms[roomID]?.members[PeerID(member)]?.client else { continue }
                send(.prompt(room: roomID, words, private: true), to: client)
            }
        }
    }

    /// Sets the room's prompt alarm if its coach has a deadline and no alarm is pending.
    mutating func armPrompts(_ roomID: RoomID) {
        if let alarm = rooms[roomID]?.claimPromptAlarm(now: now.monotonic) { promptAlarms.push(roomID, at: alarm) }
    }

    /// Runs the prompt alarms that fell due: a room still quiet gets its silence prompt (if anyone is
    /// connected to hear it); a room that spoke since is re-armed for its new deadline. Stale entries
    /// (rooms gone, or re-armed) are skipped.
    mutating func passPromptAlarms() {
        while let due = promptAlarms.first, due.deadline <= now.monotonic {
            promptAlarms.popFirst()
            let roomID = due.key
            guard rooms[roomID]?.promptAlarm == due.deadline else { continue }
            rooms[roomID]?.promptAlarm = nil
            guard let deadline = rooms[roomID]?.coach?.nextDeadline else { continue }
            if deadline <= now.monotonic {
                guard rooms[roomID]?.members.values.contains(where: { $0.client != nil }) == true else { continue }
                let prompts = rooms[roomID]?.coach?.tick(now: now.monotonic) ?? []
                deliverPrompts(prompts, in: roomID)
            }
            armPrompts(roomID)
        }
    }

    /// `leaving` (extension): someone in a pair room is moving to leave; the coach may offer a
    /// closing prompt to the room, once. Not answered; in group rooms it does nothing.
    mutating func leaving(_ roomID: RoomID, _ context: RequestContext) throws(Refusal) {
        _ = try membership(of: context.peer, in: roomID)
        guard rooms[roomID]?.kind == .pair,
              let prompts = rooms[roomID]?.coach?.memberLeaving(context.peer.rawValue, now: now.monotonic)
        else { return }
        deliverPrompts(prompts, in: roomID)
    }

    /// `prompts` (extension): turns prompts off or on for oneself (answered to the sender) or for the
    /// whole room (told to every member). Room-wide is for the room's facilitators in a group room,
    /// and for either person in a pair room.
    mutating func setPrompts(_ enabled: Bool, scope: PromptScope, in roomID: RoomID, _ context: RequestContext) throws(Refusal) {
        let member = try membership(of: context.peer, in: roomID)
        switch scope {
        case .me:
            rooms[roomID]?.coach?.setPromptsEnabled(enabled, for: context.peer.rawValue)
            send(.promptsSetting(room: roomID, enabled: enabled, scope: .me, by: nil), to: context.client, ref: context.ref)
        case .room:
            guard rooms[roomID]?.kind == .pair || member.role == .facilitator else {
                throw Refusal(.forbidden, "Only the room's facilitators can turn prompts off for everyone.")
            }
            rooms[roomID]?.coach?.setPromptsEnabled(enabled)
            broadcast(.promptsSetting(room: roomID, enabled: enabled, scope: .room, by: context.peer), in: roomID, answering: context)
            armPrompts(roomID)
        }
    }
}
