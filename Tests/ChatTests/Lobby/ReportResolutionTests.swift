import Testing
@testable import Chat

@Suite("Reports across restarts, and flood control")
struct ReportResolutionTests {
    static let staff = FixedStaff(members: ["f": StaffMember(name: "Fran", role: .facilitator)])

    /// A facilitator session and a peer, in a fresh chat (as after a restart: no reports in memory).
    static func afterRestart() -> (ChatHarness, Session, Session) {
        var chat = ChatHarness(staff: staff)
        let client = chat.connect()
        chat.send(client, #"{"type":"hello","auth":"f"}"#)
        let peer = chat.take(client).first?.string("peer") ?? ""
        let reporter = chat.join("Rowan")
        return (chat, Session(client: client, peer: peer, token: ""), reporter)
    }

    @Test("a report filed since start-up is settled in the chat, and the resolution is handed to the store")
    func resolvedInMemory() throws {
        var room = FacilitatedRoom(ChatConfiguration())
        room.chat.say(room.a, room.id, "unkind words")
        room.chat.send(room.b.client, #"{"type":"report","room":"\#(room.id)","seq":1,"reason":"hurtful"}"#)
        let filing = try #require(room.chat.lastEffects.compactMap { if case .reportFiled(let f) = $0 { f } else { nil } }.first)
        #expect(filing.reporterName == "B")
        for session in [room.facilitator, room.a, room.b] { _ = room.chat.take(session.client) }
        room.chat.send(room.facilitator.client,
                       #"{"type":"resolve_report","report":"\#(filing.report)","outcome":"Talked it through.","ref":"z"}"#)
        #expect(room.chat.take(room.b.client).first?.string("outcome") == "Talked it through.")
        #expect(room.chat.take(room.facilitator.client).first?.string("ref") == "z")
        let resolved = room.chat.lastEffects.compactMap { if case .reportResolved(let r) = $0 { r } else { nil } }
        #expect(resolved == [ResolvedReport(report: filing.report, outcome: "Talked it through.",
                                            resolver: PeerID(room.facilitator.peer), resolverName: "Fran",
                                            resolverRole: .facilitator, at: room.chat.now.wall)])
    }

    @Test("a report the chat does not hold goes to the glue, and the store's answer reaches both sides")
    func resolvedFromStore() throws {
        var (chat, facilitator, reporter) = Self.afterRestart()
        chat.send(facilitator.client, #"{"type":"resolve_report","report":"rep_old","outcome":" Resolved. ","ref":"q"}"#)
        #expect(chat.take(facilitator.client).isEmpty, "no answer until the store replies")
        guard case .resolveStoredReport(let resolution, let reply)? = chat.lastEffects.first else {
            Issue.record("expected resolveStoredReport, got \(chat.lastEffects)")
            return
        }
        #expect(resolution.report == ReportID("rep_old"))
        #expect(resolution.outcome == "Resolved.")
        #expect(resolution.resolverName == "Fran")
        #expect(reply == ReplyAddress(client: facilitator.client, peer: PeerID(facilitator.peer), ref: "q"))
        chat.apply(.storedReportResolved(StoredReportOutcome(
            report: ReportID("rep_old"), reply: reply, result: .resolved(reporter: PeerID(reporter.peer), outcome: "Resolved."))))
        let answer = try #require(chat.take(facilitator.client).first)
        #expect(answer.string("type") == "report_outcome")
        #expect(answer.string("ref") == "q")
        let told = try #require(chat.take(reporter.client).first)
        #expect(told.string("report") == "rep_old")
        #expect(told.string("outcome") == "Resolved.")
        #expect(!told.has("ref"))
    }

    @Test("the store's refusals are answered as bad_request with the request's ref",
          arguments: [StoredReportOutcome.Result.notFound, .alreadyResolved])
    func storeRefusals(result: StoredReportOutcome.Result) throws {
        var (chat, facilitator, _) = Self.afterRestart()
        let reply = ReplyAddress(client: facilitator.client, peer: PeerID(facilitator.peer), ref: "q")
        chat.apply(.storedReportResolved(StoredReportOutcome(report: ReportID("rep_x"), reply: reply, result: result)))
        let error = try #require(chat.take(facilitator.client).first)
        #expect(error.string("code") == "bad_request")
        #expect(error.string("ref") == "q")
    }

    @Test("a deferred answer is dropped when the connection no longer speaks for the resolver")
    func staleReply() {
        var (chat, facilitator, reporter) = Self.afterRestart()
        let reply = ReplyAddress(client: facilitator.client, peer: PeerID(facilitator.peer), ref: "q")
        chat.disconnect(facilitator.client)
        chat.apply(.storedReportResolved(StoredReportOutcome(
            report: ReportID("rep_x"), reply: reply, result: .resolved(reporter: PeerID(reporter.peer), outcome: "done"))))
        #expect(chat.lastEffects.count == 1, "only the reporter hears it")
        #expect(chat.take(reporter.client).first?.string("type") == "report_outcome")
    }

    @Test("only facilitators and admins may resolve, even reports the chat does not hold")
    func roleCheckStaysInChat() {
        var (chat, _, reporter) = Self.afterRestart()
        chat.send(reporter.client, #"{"type":"resolve_report","report":"rep_old","outcome":"mine"}"#)
        #expect(chat.errorCode(reporter.client) == "forbidden")
        #expect(!chat.lastEffects.contains { if case .resolveStoredReport = $0 { true } else { false } })
    }

    @Test("flood control: a burst of non-say messages, then rate_limited until the bucket refills")
    func floodControl() {
        var config = ChatConfiguration()
        config.floodPerSecond = 10
        config.floodBurst = 20
        var chat = ChatHarness(config)
        let a = chat.join("A")
        for _ in 0..<19 { chat.send(a.client, #"{"type":"rooms"}"#) }
        #expect(chat.types(a.client).allSatisfy { $0 == "rooms" })
        chat.send(a.client, #"{"type":"rooms","ref":"x"}"#)
        let limited = chat.take(a.client).first
        #expect(limited?.string("code") == "rate_limited")
        #expect(limited?.string("ref") == "x")
        chat.send(a.client, "not json")
        #expect(chat.errorCode(a.client) == "rate_limited", "malformed messages count too")
        chat.send(a.client, #"{"type":"match"}"#)
        #expect(chat.errorCode(a.client) == "rate_limited")
        chat.clock += 100
        chat.send(a.client, #"{"type":"match"}"#)
        #expect(chat.types(a.client) == ["queued"])
    }

    @Test("flood control leaves say to its own limit, and 0 turns it off")
    func floodExemptions() {
        var config = ChatConfiguration()
        config.floodPerSecond = 1
        config.floodBurst = 2
        config.standingRooms = [StandingRoom(id: RoomID("lobby"), title: "Open circle")]
        var chat = ChatHarness(config)
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"join","room":"lobby"}"#)
        _ = chat.take(a.client)
        for _ in 0..<5 { chat.say(a, "lobby", "hi") }
        #expect(chat.types(a.client) == Array(repeating: "message", count: 5))
        config.floodPerSecond = 0
        var open = ChatHarness(config)
        let b = open.join("B")
        for _ in 0..<300 { open.send(b.client, #"{"type":"rooms"}"#) }
        #expect(open.types(b.client).allSatisfy { $0 == "rooms" })
    }
}

@Suite("Reports resolved outside the chat")
struct ReportResolvedOutsideTests {
    @Test("a report resolved over the HTTP API reaches the reporter, and the chat no longer settles it itself")
    func resolvedOutside() throws {
        var room = FacilitatedRoom(ChatConfiguration())
        room.chat.say(room.a, room.id, "unkind words")
        room.chat.send(room.b.client, #"{"type":"report","room":"\#(room.id)","seq":1,"reason":"hurtful"}"#)
        let report = try #require(room.chat.take(room.b.client).first { $0.string("type") == "reported" }?.string("report"))
        room.chat.apply(.reportResolvedOutside(report: ReportID(report), reporter: PeerID(room.b.peer), outcome: "Handled."))
        let told = try #require(room.chat.take(room.b.client).first)
        #expect(told.string("type") == "report_outcome")
        #expect(told.string("report") == report)
        #expect(told.string("outcome") == "Handled.")
        room.chat.send(room.facilitator.client, #"{"type":"resolve_report","report":"\#(report)","outcome":"Again."}"#)
        #expect(room.chat.lastEffects.count == 1)
        #expect(room.chat.lastEffects.allSatisfy { if case .resolveStoredReport = $0 { true } else { false } },
                "the store decides now (it will say already resolved)")
        #expect(room.chat.take(room.b.client).isEmpty)
    }
}
