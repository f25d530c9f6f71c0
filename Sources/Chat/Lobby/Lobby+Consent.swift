extension Lobby {
    /// `consent`: records this member's transcript consent and tells every member (protocol §8).
    /// Whether a transcript is kept is decided when the room ends (see ``RoomEnding``).
    mutating func consent(_ transcript: Bool, in roomID: RoomID, _ context: RequestContext) throws(Refusal) {
        _ = try membership(of: context.peer, in: roomID)
        rooms[roomID]?.members[context.peer]?.consent = transcript
        broadcast(.consent(room: roomID, peer: context.peer, transcript: transcript), in: roomID, answering: context)
        keepHistory(of: roomID)
    }

    /// `agree`: accepts the room's current agreement, so `say` works again. Answered with `agreed`.
    mutating func agree(_ roomID: RoomID, _ context: RequestContext) throws(Refusal) {
        _ = try membership(of: context.peer, in: roomID)
        rooms[roomID]?.members[context.peer]?.mustAgree = false
        send(.agreed(room: roomID), to: context.client, ref: context.ref)
    }
}
