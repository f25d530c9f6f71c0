import Testing
@testable import Chat

/// A facilitator's created room with two members, inboxes emptied.
private struct ModeratedRoom {
    var chat: ChatHarness
    let facilitator: ClientID
    let facilitatorPeer: String
    let room: String
    let a: Session
    let b: Session

    init(agreement: String? = nil) {
        let staff = FixedStaff(members: ["f": StaffMember(name: "Fran", role: .facilitator),
                                         "admin": StaffMember(name: "Ada", role: .admin)])
        var chat = ChatHarness(staff: staff)
        facilitator = chat.connect()
        chat.send(facilitator, #"{"type":"hello","auth":"f"}"#)
        facilitatorPeer = chat.take(facilitator).first?.string("peer") ?? ""
        let agreementField = agreement.map { #","agreement":"\#($0)""# } ?? ""
        chat.send(facilitator, #"{"type":"create_room","title":"Tuesday circle","capacity":3\#(agreementField),"ref":"c"}"#)
        room = chat.take(facilitator).first?.string("room") ?? ""
        a = chat.join("A")
        b = chat.join("B")
        for person in [a, b] { chat.send(person.client, #"{"type":"join","room":"\#(room)","agree":true}"#) }
        for client in [facilitator, a.client, b.client] { _ = chat.take(client) }
        self.chat = chat
    }

    mutating func act(_ fields: String, ref: String = "m") -> [JSONObject] {
        chat.send(facilitator, #"{"room":"\#(room)","ref":"\#(ref)",\#(fields)}"#)
        return chat.take(facilitator)
    }
}

@Suite("Moderation")
struct ModerationTests {
    @Test("create_room answers room_created then joined as facilitator")
    func createRoom() throws {
        let staff = FixedStaff(members: ["f": StaffMember(name: "Fran", role: .facilitator)])
        var chat = ChatHarness(staff: staff)
        let f = chat.connect()
        chat.send(f, #"{"type":"hello","auth":"f"}"#)
        _ = chat.take(f)
        chat.send(f, #"{"type":"create_room","title":"Circle","agreement":"Be gentle","topics":["Grief"],"ref":"c"}"#)
        let replies = chat.take(f)
        #expect(replies.map { $0.string("type") } == ["room_created", "joined"])
        #expect(replies[0].string("ref") == "c")
        #expect(replies[0].string("room")?.hasPrefix("g_") == true)
        #expect(replies[1]["you"]?.objectValue?["role"] == .string("facilitator"))
        #expect(replies[1].string("agreement") == "Be gentle")
        #expect(replies[1].array("topics") == [.string("grief")])
        let peer = chat.join("P")
        chat.send(peer.client, #"{"type":"create_room","title":"Mine"}"#)
        #expect(chat.errorCode(peer.client) == "forbidden")
    }

    @Test("a room at capacity is room_full; a locked room is room_locked; a ban is banned")
    func entryRefusals() {
        var room = ModeratedRoom()
        let c = room.chat.join("C")
        room.chat.send(c.client, #"{"type":"join","room":"\#(room.room)"}"#)
        #expect(room.chat.errorCode(c.client) == "room_full")
        _ = room.act(#""type":"remove","peer":"\#(room.b.peer)""#)
        _ = room.act(#""type":"lock""#)
        room.chat.send(c.client, #"{"type":"join","room":"\#(room.room)"}"#)
        #expect(room.chat.errorCode(c.client) == "room_locked")
        _ = room.act(#""type":"unlock""#)
        _ = room.act(#""type":"ban","peer":"\#(room.b.peer)""#)
        room.chat.send(room.b.client, #"{"type":"join","room":"\#(room.room)"}"#)
        #expect(room.chat.errorCode(room.b.client) == "banned")
        _ = room.act(#""type":"unban","peer":"\#(room.b.peer)""#)
        room.chat.send(room.b.client, #"{"type":"join","room":"\#(room.room)"}"#)
        #expect(room.chat.types(room.b.client).last == "joined")
    }

    @Test("mute: the muted peer's say is muted until it ends; everyone sees the moderation notice")
    func mute() throws {
        var room = ModeratedRoom()
        let mine = room.act(#""type":"mute","peer":"\#(room.a.peer)","minutes":1"#)
        #expect(mine.first?.string("type") == "moderation")
        #expect(mine.first?.string("ref") == "m")
        let notice = try #require(room.chat.take(room.b.client).first)
        #expect(notice.string("action") == "mute")
        #expect(notice.string("peer") == room.a.peer)
        #expect(notice.string("by") == room.facilitatorPeer)
        #expect(notice.string("until") == "2026-11-23T12:01:10.000Z")
        _ = room.chat.take(room.a.client)
        room.chat.send(room.a.client, #"{"type":"say","room":"\#(room.room)","text":"hi"}"#)
        #expect(room.chat.errorCode(room.a.client) == "muted")
        room.chat.advance(milliseconds: 60_000)
        room.chat.send(room.a.client, #"{"type":"say","room":"\#(room.room)","text":"hi"}"#)
        #expect(room.chat.types(room.a.client) == ["message"])
    }

    @Test("remove: the person gets closed with reason removed, the others presence left")
    func remove() {
        var room = ModeratedRoom()
        _ = room.act(#""type":"remove","peer":"\#(room.a.peer)""#)
        let aSees = room.chat.take(room.a.client)
        #expect(aSees.map { $0.string("type") } == ["moderation", "closed"])
        #expect(aSees.last?.string("reason") == "removed")
        #expect(room.chat.take(room.b.client).map { $0.string("type") } == ["moderation", "presence"])
        room.chat.send(room.a.client, #"{"type":"say","room":"\#(room.room)","text":"x"}"#)
        #expect(room.chat.errorCode(room.a.client) == "not_in_room")
    }

    @Test("delete turns a message into a tombstone in history")
    func delete() throws {
        var room = ModeratedRoom()
        room.chat.send(room.a.client, #"{"type":"say","room":"\#(room.room)","text":"oops"}"#)
        _ = room.chat.take(room.b.client)
        let notice = room.act(#""type":"delete","seq":1"#)
        #expect(notice.last?.int("seq") == 1)
        room.chat.send(room.b.client, #"{"type":"history","room":"\#(room.room)"}"#)
        let history = room.chat.take(room.b.client).last
        #expect(history?.array("messages").first?.objectValue?.bool("deleted") == true)
        #expect(room.act(#""type":"delete","seq":5"#).first?.string("code") == "bad_request")
    }

    @Test("slow mode spaces one member's messages; facilitators are exempt")
    func slow() {
        var room = ModeratedRoom()
        #expect(room.act(#""type":"slow","seconds":30"#).first?.int("seconds") == 30)
        room.chat.send(room.a.client, #"{"type":"say","room":"\#(room.room)","text":"1"}"#)
        _ = room.chat.take(room.a.client)
        room.chat.send(room.a.client, #"{"type":"say","room":"\#(room.room)","text":"2"}"#)
        #expect(room.chat.errorCode(room.a.client) == "rate_limited")
        room.chat.advance(milliseconds: 30_000)
        room.chat.send(room.a.client, #"{"type":"say","room":"\#(room.room)","text":"3"}"#)
        #expect(room.chat.types(room.a.client).last == "message")
        _ = room.act(#""type":"say","text":"a""#)
        #expect(room.act(#""type":"say","text":"b""#).first?.string("type") == "message")
    }

    @Test("announce becomes a facilitator message marked as an announcement")
    func announce() throws {
        var room = ModeratedRoom()
        let mine = room.act(#""type":"announce","text":"We close in 5 minutes.""#)
        #expect(mine.first?.string("ref") == "m")
        let message = try #require(room.chat.take(room.a.client).first)
        #expect(message.string("type") == "message")
        #expect(message.string("role") == "facilitator")
        #expect(message.bool("announcement") == true)
        #expect(message.int("seq") == 1)
    }

    @Test("set_agreement: members get the agreement and must agree before their next say")
    func setAgreement() throws {
        var room = ModeratedRoom()
        _ = room.act(#""type":"set_agreement","agreement":"One voice at a time.""#)
        #expect(room.chat.take(room.a.client).map { $0.string("type") } == ["moderation", "agreement"])
        room.chat.send(room.a.client, #"{"type":"say","room":"\#(room.room)","text":"hi"}"#)
        let refusal = try #require(room.chat.take(room.a.client).first)
        #expect(refusal.string("code") == "agreement_required")
        #expect(refusal.string("agreement") == "One voice at a time.")
        _ = room.act(#""type":"set_agreement","agreement":"  ""#)
        room.chat.send(room.b.client, #"{"type":"say","room":"\#(room.room)","text":"free again"}"#)
        #expect(room.chat.types(room.b.client).last == "message")
        _ = room.act(#""type":"set_agreement","agreement":"One voice at a time.""#)
        _ = room.chat.take(room.a.client)
        room.chat.send(room.a.client, #"{"type":"agree","room":"\#(room.room)","ref":"ok"}"#)
        #expect(room.chat.take(room.a.client).first?.string("type") == "agreed")
        room.chat.send(room.a.client, #"{"type":"say","room":"\#(room.room)","text":"hi"}"#)
        #expect(room.chat.types(room.a.client) == ["message"])
    }

    @Test("close_room ends the room for everyone and offers the transcript of those who consent")
    func closeRoom() {
        var room = ModeratedRoom()
        room.chat.send(room.a.client, #"{"type":"consent","room":"\#(room.room)","transcript":true}"#)
        _ = room.chat.take(room.a.client)
        _ = room.act(#""type":"close_room""#)
        #expect(room.chat.take(room.a.client).map { $0.string("type") } == ["moderation", "closed"])
        #expect(room.chat.lobby.rooms[RoomID(room.room)] == nil)
        #expect(room.chat.lastEffects.contains { if case .roomEnded(let end) = $0 { end.participants.map(\.peer) == [PeerID(room.a.peer)] } else { false } })
    }

    @Test("members who are not facilitators get forbidden for every action", arguments: [
        #""type":"mute","peer":"p_x""#, #""type":"unmute","peer":"p_x""#, #""type":"remove","peer":"p_x""#,
        #""type":"ban","peer":"p_x""#, #""type":"unban","peer":"p_x""#, #""type":"delete","seq":1"#, #""type":"lock""#,
        #""type":"unlock""#, #""type":"slow","seconds":5"#, #""type":"close_room""#, #""type":"announce","text":"x""#,
        #""type":"set_agreement","agreement":"x""#,
    ])
    func forbidden(fields: String) {
        var room = ModeratedRoom()
        room.chat.send(room.a.client, #"{"room":"\#(room.room)",\#(fields)}"#)
        #expect(room.chat.errorCode(room.a.client) == "forbidden")
    }

    @Test("an admin may moderate a room they are not in")
    func admin() {
        var room = ModeratedRoom()
        let admin = room.chat.connect()
        room.chat.send(admin, #"{"type":"hello","auth":"admin"}"#)
        _ = room.chat.take(admin)
        room.chat.send(admin, #"{"type":"lock","room":"\#(room.room)","ref":"l"}"#)
        #expect(room.chat.take(admin).first?.string("action") == "lock")
        #expect(room.chat.lobby.rooms[RoomID(room.room)]?.locked == true)
    }
}
