import Testing
@testable import Chat

@Suite("Rooms: listing, joining, leaving")
struct RoomTests {
    static func config(open: Bool = false) -> ChatConfiguration {
        var config = ChatConfiguration()
        config.standingRooms = [
            StandingRoom(id: RoomID("lobby"), title: "Open circle", topics: ["general"]),
            StandingRoom(id: RoomID("small"), title: "Small", capacity: 1),
            StandingRoom(id: RoomID("kind"), title: "Kind words", agreement: "We listen without fixing."),
        ]
        config.openRooms = open
        return config
    }

    @Test("rooms lists group rooms in configuration order")
    func listing() throws {
        var chat = ChatHarness(Self.config())
        let a = chat.join("A")
        _ = chat.pair()
        chat.send(a.client, #"{"type":"join","room":"lobby"}"#)
        chat.send(a.client, #"{"type":"rooms","ref":"l"}"#)
        let reply = try #require(chat.take(a.client).last)
        #expect(reply.string("ref") == "l")
        let rooms = reply.array("rooms").compactMap(\.objectValue)
        #expect(rooms.map { $0.string("room") } == ["lobby", "small", "kind"])
        #expect(rooms[0].string("title") == "Open circle")
        #expect(rooms[0].int("members") == 1)
        #expect(rooms[0]["capacity"] == .null)
        #expect(rooms[1].int("capacity") == 1)
        #expect(rooms[2].bool("agreement") == true)
        #expect(rooms[0].bool("locked") == false)
    }

    @Test("join answers joined with members and your role; the others see presence joined")
    func join() throws {
        var chat = ChatHarness(Self.config())
        let a = chat.join("A")
        let b = chat.join("B")
        chat.send(a.client, #"{"type":"join","room":"lobby"}"#)
        _ = chat.take(a.client)
        chat.send(b.client, #"{"type":"join","room":"lobby","ref":"j"}"#)
        let joined = try #require(chat.take(b.client).first)
        #expect(joined.string("type") == "joined")
        #expect(joined.string("kind") == "group")
        #expect(joined.string("title") == "Open circle")
        #expect(joined.string("ref") == "j")
        #expect(joined["you"]?.objectValue?["role"] == .string("member"))
        let members = joined.array("members").compactMap(\.objectValue)
        #expect(members.map { $0.string("name") } == ["A", "B"])
        #expect(members.allSatisfy { $0.string("state") == "here" })
        let presence = try #require(chat.take(a.client).first)
        #expect(presence.string("type") == "presence")
        #expect(presence.string("state") == "joined")
        #expect(presence.string("name") == "B")
    }

    @Test("join refusals", arguments: [
        ("nowhere", "no_such_room"), ("small", "room_full"), ("kind", "agreement_required"),
    ])
    func refusals(room: String, code: String) throws {
        var chat = ChatHarness(Self.config())
        let a = chat.join("A")
        let b = chat.join("B")
        chat.send(a.client, #"{"type":"join","room":"small"}"#)
        chat.send(b.client, #"{"type":"join","room":"\#(room)","ref":"x"}"#)
        let error = try #require(chat.take(b.client).first)
        #expect(error.string("code") == code)
        #expect(error.string("ref") == "x")
        if code == "agreement_required" {
            #expect(error.string("agreement") == "We listen without fixing.")
            chat.send(b.client, #"{"type":"join","room":"kind","agree":true}"#)
            #expect(chat.types(b.client) == ["joined"])
        }
    }

    @Test("nobody joins someone else's pair room")
    func pairRoomsArePrivate() {
        var chat = ChatHarness(Self.config(open: true))
        let (_, _, room) = chat.pair()
        let c = chat.join("C")
        chat.send(c.client, #"{"type":"join","room":"\#(room)"}"#)
        #expect(chat.errorCode(c.client) == "forbidden")
    }

    @Test("open rooms are made by joining and vanish when empty")
    func openRooms() {
        var chat = ChatHarness(Self.config(open: true))
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"join","room":"night-owls"}"#)
        #expect(chat.types(a.client) == ["joined"])
        #expect(chat.lobby.rooms[RoomID("night-owls")] != nil)
        chat.send(a.client, #"{"type":"leave","room":"night-owls"}"#)
        #expect(chat.types(a.client) == ["left"])
        #expect(chat.lobby.rooms[RoomID("night-owls")] == nil)
        #expect(!chat.lastEffects.contains { if case .roomEnded = $0 { true } else { false } }, "no consent, no transcript")
        for bad in ["has space", "r_fake", "g_fake", String(repeating: "a", count: 65), ""] {
            chat.send(a.client, #"{"type":"join","room":"\#(bad)"}"#)
            #expect(chat.errorCode(a.client) == "no_such_room")
        }
    }

    @Test("without open rooms an unknown id is no_such_room")
    func closedByDefault() {
        var chat = ChatHarness(Self.config())
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"join","room":"night-owls"}"#)
        #expect(chat.errorCode(a.client) == "no_such_room")
    }

    @Test("leave answers left with ref; the others see presence left; leaving twice is not_in_room")
    func leave() throws {
        var chat = ChatHarness(Self.config())
        let a = chat.join("A")
        let b = chat.join("B")
        chat.send(a.client, #"{"type":"join","room":"lobby"}"#)
        chat.send(b.client, #"{"type":"join","room":"lobby"}"#)
        _ = chat.take(a.client)
        _ = chat.take(b.client)
        chat.send(b.client, #"{"type":"leave","room":"lobby","ref":"bye"}"#)
        let left = try #require(chat.take(b.client).first)
        #expect(left.string("type") == "left")
        #expect(left.string("ref") == "bye")
        #expect(chat.take(a.client).map { $0.string("state") } == ["left"])
        chat.send(b.client, #"{"type":"leave","room":"lobby"}"#)
        #expect(chat.errorCode(b.client) == "not_in_room")
        #expect(chat.lobby.rooms[RoomID("lobby")] != nil)
    }

    @Test("joining a room twice answers joined again")
    func rejoin() {
        var chat = ChatHarness(Self.config())
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"join","room":"lobby"}"#)
        chat.send(a.client, #"{"type":"join","room":"lobby"}"#)
        #expect(chat.types(a.client) == ["joined", "joined"])
        #expect(chat.lobby.rooms[RoomID("lobby")]?.members.count == 1)
    }

    @Test("--room values parse into standing rooms", arguments: [
        ("lobby:Open circle", "lobby", "Open circle"), (#"night_owls:"Night owls""#, "night_owls", "Night owls"),
        ("a:b:c", "a", "b:c"), ("no-title:", nil, nil), ("bad id:T", nil, nil), ("plain", nil, nil),
    ] as [(String, String?, String?)])
    func standingRoomArgument(argument: String, id: String?, title: String?) {
        let room = StandingRoom(argument: argument)
        #expect(room?.id.rawValue == id)
        #expect(room?.title == title)
    }
}
