import Reflection

extension Lobby {
    /// `reflect`: a draft check, always answered with `ref` (an empty list when reflection is off).
    /// Crisis language in a draft is answered, privately, with `support` too; nobody else is told
    /// about words that were never sent.
    mutating func reflect(_ raw: String, room: RoomID?, _ context: RequestContext) throws(Refusal) {
        if let room { _ = try membership(of: context.peer, in: room) }
        let text = TextRules.trimmed(raw)
        guard TextRules.fits(text, limit: configuration.textLimit) else { throw Refusal(.tooLong) }
        guard let analysis = reflection?.engine.analyse(text) else {
            send(.reflection(room: nil, seq: nil, suggestions: []), to: context.client, ref: context.ref)
            return
        }
        send(.reflection(room: nil, seq: nil, suggestions: analysis.suggestions), to: context.client, ref: context.ref)
        if analysis.isCrisis, let support = reflection?.support { send(.support(room: room, support), to: context.client) }
    }

    /// After a delivered `say` (whose effects are already in the outbox, so nothing here delays or
    /// changes it): one analysis, then to the author alone `reflection` when there are suggestions
    /// and `support` on crisis language; in a group room the facilitators get a crisis `alert`
    /// (in a pair room nobody else is told). Last, the coach hears of the message; its nudges are
    /// held back after crisis language.
    mutating func reflectOnSent(_ text: String, seq: Int, in roomID: RoomID, _ context: RequestContext) {
        guard let analysis = reflection?.engine.analyse(text) else { return }
        if !analysis.suggestions.isEmpty {
            send(.reflection(room: roomID, seq: seq, suggestions: analysis.suggestions), to: context.client)
        }
        if analysis.isCrisis {
            if let support = reflection?.support { send(.support(room: roomID, support), to: context.client) }
            if let room = rooms[roomID], room.kind == .group {
                alertFacilitators(of: room, .alert(kind: "crisis", room: roomID, seq: seq, report: nil), except: context.peer)
            }
        }
        guard let (prompts, alarm) = rooms[roomID]?.coachMessage(by: context.peer, analysis: analysis, now: now.monotonic) else { return }
        if !analysis.isCrisis { deliverPrompts(prompts, in: roomID) }
        if let alarm { promptAlarms.push(roomID, at: alarm) }
    }
}
