import Testing
@testable import Chat

@Suite("Safety: block and report")
struct SafetyTests {
    @Test("blocking one's pair closes the room: the blocker gets blocked and left, the other peer_left")
    func blockInPair() throws {
        var chat = ChatHarness()
        let (a, b, room) = chat.pair()
        chat.send(a.client, #"{"type":"block","peer":"\#(b.peer)","ref":"b1"}"#)
        let replies = chat.take(a.client)
        #expect(replies.map { $0.string("type") } == ["blocked", "left"])
        #expect(replies[0].string("ref") == "b1")
        #expect(replies[0].string("peer") == b.peer)
        let closed = try #require(chat.take(b.client).first)
        #expect(closed.string("type") == "closed")
        #expect(closed.string("reason") == "peer_left")
        #expect(closed.string("room") == room)
        chat.send(a.client, #"{"type":"match"}"#)
        chat.send(b.client, #"{"type":"match"}"#)
        #expect(chat.lobby.waitingCount == 2)
    }

    @Test("in a group room the blocker no longer receives the other's messages, typing or history")
    func blockInGroup() throws {
        var (chat, people) = MessageTests.group(3)
        chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"before"}"#)
        chat.send(people[1].client, #"{"type":"block","peer":"\#(people[0].peer)"}"#)
        for person in people { _ = chat.take(person.client) }
        chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"after"}"#)
        chat.send(people[0].client, #"{"type":"typing","room":"lobby"}"#)
        #expect(chat.take(people[1].client).isEmpty)
        #expect(chat.types(people[2].client) == ["message", "typing"])
        #expect(chat.types(people[0].client) == ["message"])
        chat.send(people[1].client, #"{"type":"history","room":"lobby"}"#)
        let history = try #require(chat.take(people[1].client).first)
        #expect(history.array("messages").isEmpty)
        chat.send(people[0].client, #"{"type":"history","room":"lobby"}"#)
        #expect(chat.take(people[0].client).first?.array("messages").count == 2)
    }

    @Test("blocking oneself is bad_request")
    func blockSelf() {
        var chat = ChatHarness()
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"block","peer":"\#(a.peer)"}"#)
        #expect(chat.errorCode(a.client) == "bad_request")
    }

    @Test("a report is answered, kept for review, and alerts the room's facilitators")
    func report() throws {
        let staff = FixedStaff(members: ["f": StaffMember(name: "Fran", role: .facilitator)])
        var config = ChatConfiguration()
        config.standingRooms = [StandingRoom(id: RoomID("lobby"), title: "Open circle")]
        var chat = ChatHarness(config, staff: staff)
        let facilitator = chat.connect()
        chat.send(facilitator, #"{"type":"hello","auth":"f"}"#)
        chat.send(facilitator, #"{"type":"join","room":"lobby"}"#)
        let a = chat.join("A")
        let b = chat.join("B")
        for person in [a, b] { chat.send(person.client, #"{"type":"join","room":"lobby"}"#) }
        chat.send(a.client, #"{"type":"say","room":"lobby","text":"something unkind"}"#)
        for client in [facilitator, a.client, b.client] { _ = chat.take(client) }
        chat.send(b.client, #"{"type":"report","room":"lobby","seq":1,"reason":"hurtful","ref":"r"}"#)
        let reported = try #require(chat.take(b.client).first)
        #expect(reported.string("type") == "reported")
        #expect(reported.string("ref") == "r")
        let id = try #require(reported.string("report"))
        #expect(id.hasPrefix("rep_"))
        let alert = try #require(chat.take(facilitator).first)
        #expect(alert.string("type") == "alert")
        #expect(alert.string("kind") == "report")
        #expect(alert.int("seq") == 1)
        #expect(alert.string("report") == id)
        #expect(chat.take(a.client).isEmpty)
        let filing = chat.lastEffects.compactMap { if case .reportFiled(let filing) = $0 { filing } else { nil } }.first
        #expect(filing?.message?.text == "something unkind")
        #expect(filing?.reason == "hurtful")
        chat.send(a.client, #"{"type":"resolve_report","report":"\#(id)","outcome":"x"}"#)
        #expect(chat.errorCode(a.client) == "forbidden")
        chat.send(facilitator, #"{"type":"resolve_report","report":"\#(id)","outcome":"We talked it through.","ref":"z"}"#)
        #expect(chat.take(facilitator).first?.string("ref") == "z")
        let outcome = try #require(chat.take(b.client).first)
        #expect(outcome.string("type") == "report_outcome")
        #expect(outcome.string("outcome") == "We talked it through.")
        chat.send(b.client, #"{"type":"report","room":"lobby","seq":9,"reason":"x"}"#)
        #expect(chat.errorCode(b.client) == "bad_request")
    }
}
