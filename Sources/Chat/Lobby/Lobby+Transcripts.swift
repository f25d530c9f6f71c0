extension Lobby {
    /// A room ended: hands the glue a transcript if consent allows (protocol §8), and nothing at all
    /// otherwise. `room` is the room as it was at the end, with its last members still in it.
    ///
    /// Pair rooms need both people consenting at that moment. Group rooms need one consenting
    /// participant (a member at the end, or someone who left while consenting); everyone else's
    /// messages become `redacted`, and deleted ones `deleted`, so their words never leave the chat.
    mutating func reportEnding(of room: Room) {
        rooms[room.id]?.endedThroughSeq = room.lastSeq
        rooms[room.id]?.consentingDeparted = [:]
        guard let participants = transcriptParticipants(of: room) else { return }
        let consenting = Set(participants.map(\.peer))
        let kept = room.history.page(after: room.endedThroughSeq, limit: room.history.count).messages
        let lines = kept.map { message -> RoomEnding.Line in
            if message.deleted { return .deleted(seq: message.seq) }
            return consenting.contains(message.from) ? .message(message) : .redacted(seq: message.seq)
        }
        outbox.append(.roomEnded(RoomEnding(room: room.id, kind: room.kind, participants: participants, lines: lines,
                                            at: now.wall)))
    }

    /// Who the transcript keeps and gives receipts to, in join order (then those who left, by id);
    /// nil when the consent rule says no transcript.
    func transcriptParticipants(of room: Room) -> [RoomEnding.Participant]? {
        let present = room.orderedMembers
        switch room.kind {
        case .pair:
            guard present.count == 2, present.allSatisfy(\.consent) else { return nil }
            return present.map { RoomEnding.Participant(peer: $0.peer, name: peers[$0.peer]?.name ?? "") }
        case .group:
            var participants = present.filter(\.consent).map {
                RoomEnding.Participant(peer: $0.peer, name: peers[$0.peer]?.name ?? "")
            }
            let departed = room.consentingDeparted.filter { room.members[$0.key] == nil }
            for (peer, name) in departed.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                participants.append(RoomEnding.Participant(peer: peer, name: name))
            }
            return participants.isEmpty ? nil : participants
        }
    }

    /// Sizes a room's message store to what consent allows: the usual history, or, while anyone
    /// consents, up to ``ChatConfiguration/transcriptCapacity`` so the transcript is whole. When the
    /// last consent goes, the extra messages are forgotten at once.
    mutating func keepHistory(of roomID: RoomID) {
        guard let consents = rooms[roomID]?.anyoneConsents else { return }
        let usual = configuration.historyCapacity
        let capacity = consents ? max(configuration.transcriptCapacity, usual) : usual
        rooms[roomID]?.history.resize(to: capacity)
    }

    /// The glue stored a transcript: each consenting participant gets `transcript` with their
    /// receipt, now if connected, or right after the `welcome` of their resume if they are away.
    /// Someone whose session already ended cannot be reached; their receipt is dropped.
    mutating func transcriptStored(_ stored: TranscriptReceipts) {
        for entry in stored.receipts {
            guard let peer = peers[entry.peer] else { continue }
            let message = ServerMessage.transcript(room: stored.room, transcript: stored.transcript, receipt: entry.receipt,
                                                   messages: stored.messages)
            if let client = peer.client {
                send(message, to: client)
            } else {
                peers[entry.peer]?.missedMessages.append(message)
            }
        }
    }
}
