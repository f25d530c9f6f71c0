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

    /// `reflect`: a draft check. With no engine it is answered at once with no suggestions; with
    /// ``ReflectionMode/external`` the glue answers the ``ChatEffect/reflect(_:)`` it receives.
    mutating func reflect(_ raw: String, room: RoomID?, _ context: RequestContext) throws(Refusal) {
        if let room { _ = try membership(of: context.peer, in: room) }
        let text = TextRules.trimmed(raw)
        guard TextRules.fits(text, limit: configuration.textLimit) else { throw Refusal(.tooLong) }
        switch configuration.reflection {
        case .off:
            send(.reflection(room: nil, seq: nil, suggestions: ServerMessage.noSuggestions), to: context.client, ref: context.ref)
        case .external:
            outbox.append(.reflect(ReflectionRequest(kind: .draft(ref: context.ref), peer: context.peer,
                                                     client: context.client, room: room, text: text)))
        }
    }
}
