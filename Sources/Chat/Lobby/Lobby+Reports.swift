/// A report filed since start-up, waiting for a facilitator's outcome.
struct OpenReport: Sendable, Equatable {
    let reporter: PeerID
    let room: RoomID
    let seq: Int
}

extension Lobby {
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
        outbox.append(.reportFiled(ReportFiling(report: id, reporter: context.peer, reporterName: peers[context.peer]?.name ?? "",
                                                room: roomID, message: room.history.message(seq: seq), reason: reason,
                                                at: now.wall)))
        send(.reported(report: id), to: context.client, ref: context.ref)
        alertFacilitators(of: room, .alert(kind: "report", room: roomID, seq: seq, report: id), except: context.peer)
    }

    /// Sends an alert to the room's connected facilitators, leaving out `excluded` (who caused it).
    mutating func alertFacilitators(of room: Room, _ alert: ServerMessage, except excluded: PeerID) {
        var facilitators: [ClientID] = []
        for member in room.members.values where member.role == .facilitator && member.peer != excluded {
            if let client = member.client { facilitators.append(client) }
        }
        if !facilitators.isEmpty { outbox.append(.send(alert.encoded(), to: facilitators)) }
    }

    /// `resolve_report` (facilitators and admins). A report filed since start-up is settled here: the
    /// reporter, if connected, hears the outcome, the resolver gets the same `report_outcome` as the
    /// answer, and the store records it. A report the chat does not hold (filed before a restart) is
    /// passed to the glue, which answers with ``ChatInput/storedReportResolved(_:)``.
    mutating func resolve(_ report: ReportID, outcome raw: String, _ context: RequestContext) throws(Refusal) {
        guard let resolver = peers[context.peer], resolver.role.canFacilitate else { throw Refusal(.forbidden) }
        let outcome = TextRules.trimmed(raw)
        guard !outcome.isEmpty, TextRules.fits(outcome, limit: configuration.textLimit) else {
            throw Refusal(.badRequest, "An outcome is 1 to \(configuration.textLimit) characters.")
        }
        let resolution = ResolvedReport(report: report, outcome: outcome, resolver: resolver.id, resolverName: resolver.name,
                                        resolverRole: resolver.role, at: now.wall)
        guard let open = openReports.removeValue(forKey: report) else {
            outbox.append(.resolveStoredReport(resolution, reply: ReplyAddress(client: context.client, peer: context.peer,
                                                                                ref: context.ref)))
            return
        }
        tellOutcome(of: report, outcome: outcome, to: open.reporter,
                    answering: ReplyAddress(client: context.client, peer: context.peer, ref: context.ref))
        outbox.append(.reportResolved(resolution))
    }

    /// The store's answer about a report filed before a restart.
    mutating func storedReportResolved(_ stored: StoredReportOutcome) {
        switch stored.result {
        case .resolved(let reporter, let outcome):
            tellOutcome(of: stored.report, outcome: outcome, to: reporter, answering: stored.reply)
        case .alreadyResolved:
            answer(stored.reply, Refusal(.badRequest, "That report was already resolved.").serverMessage)
        case .notFound:
            answer(stored.reply, Refusal(.badRequest, "There is no open report with that id.").serverMessage)
        }
    }

    /// `report_outcome` to the resolver (as their answer) and to the reporter, if connected.
    mutating func tellOutcome(of report: ReportID, outcome: String, to reporter: PeerID, answering reply: ReplyAddress) {
        let message = ServerMessage.reportOutcome(report: report, outcome: outcome)
        answer(reply, message)
        if reporter != reply.peer { send(message, toPeer: reporter) }
    }

    /// A deferred answer: sent only if that connection still speaks for the peer who asked.
    mutating func answer(_ reply: ReplyAddress, _ message: ServerMessage) {
        guard connections[reply.client] == .session(reply.peer) else { return }
        send(message, to: reply.client, ref: reply.ref)
    }
}
