/// A report waiting for a facilitator's outcome.
struct OpenReport: Sendable, Equatable {
    let reporter: PeerID
    let room: RoomID
    let seq: Int
}

extension Lobby {
    /// `block`: the two are never matched again; a shared pair room closes (the blocker gets `left`,
    /// the other `closed` with `peer_left`); in group rooms the blocker stops receiving the other's
    /// messages and typing, and their history leaves them out. Blocking someone unknown or gone is
    /// accepted (it may be a peer id from an old conversation) and simply has nothing to act on.
    mutating func block(_ target: PeerID, _ context: RequestContext) throws(Refusal) {
        guard target != context.peer else { throw Refusal(.badRequest, "You can't block yourself.") }
        guard let peer = peers[context.peer] else { return }
        peers[peer.id]?.blocked.insert(target)
        for room in peer.rooms { rooms[room]?.members[peer.id]?.blocksAnyone = true }
        send(.blocked(peer: target), to: context.client, ref: context.ref)
        if let pair = peer.pairRoom, rooms[pair]?.members[target] != nil {
            send(.left(room: pair), to: context.client)
            removeMember(peer.id, from: pair)
        }
    }

    /// `report`: keeps the message for staff review (`reportFiled`), answers `reported`, and alerts
    /// the room's connected facilitators.
    mutating func report(seq: Int, in roomID: RoomID, reason: String, _ context: RequestContext,
                         rng: inout some RandomNumberGenerator) throws(Refusal) {
        _ = try membership(of: context.peer, in: roomID)
        guard let room = rooms[roomID], seq >= 1, seq <= room.lastSeq else {
            throw Refusal(.badRequest, "There is no message with that seq in this room.")
        }
        let reason = TextRules.trimmed(reason)
        guard TextRules.fits(reason, limit: configuration.textLimit) else { throw Refusal(.tooLong) }
        var id = ReportID(IdentifierFactory.make(prefix: "rep_", using: &rng))
        while openReports[id] != nil { id = ReportID(IdentifierFactory.make(prefix: "rep_", using: &rng)) }
        openReports[id] = OpenReport(reporter: context.peer, room: roomID, seq: seq)
        outbox.append(.reportFiled(ReportFiling(report: id, reporter: context.peer, room: roomID,
                                                message: room.history.message(seq: seq), reason: reason, at: now.wall)))
        send(.reported(report: id), to: context.client, ref: context.ref)
        let alert = ServerMessage.alert(kind: "report", room: roomID, seq: seq, report: id).encoded()
        let facilitators = room.members.values.filter { $0.role == .facilitator && $0.peer != context.peer }.compactMap(\.client)
        if !facilitators.isEmpty { outbox.append(.send(alert, to: facilitators)) }
    }

    /// `resolve_report` (facilitators and admins): the reporter, if connected, hears the outcome;
    /// the resolver gets the same `report_outcome` as the answer to the request.
    mutating func resolve(_ report: ReportID, outcome: String, _ context: RequestContext) throws(Refusal) {
        guard peers[context.peer]?.role.canFacilitate == true else { throw Refusal(.forbidden) }
        guard let open = openReports.removeValue(forKey: report) else { throw Refusal(.badRequest, "There is no open report with that id.") }
        let outcome = TextRules.trimmed(outcome)
        let message = ServerMessage.reportOutcome(report: report, outcome: outcome)
        send(message, to: context.client, ref: context.ref)
        if open.reporter != context.peer { send(message, toPeer: open.reporter) }
    }
}
