import Testing
@testable import Chat

@Suite("Consent and reflection hooks")
struct ConsentAndReflectionTests {
    @Test("consent is told to every member; the room ending reports who consented")
    func consent() throws {
        var chat = ChatHarness()
        let (a, b, room) = chat.pair()
        chat.send(a.client, #"{"type":"consent","room":"\#(room)","transcript":true,"ref":"k"}"#)
        let mine = try #require(chat.take(a.client).first)
        #expect(mine.string("type") == "consent")
        #expect(mine.string("ref") == "k")
        let theirs = try #require(chat.take(b.client).first)
        #expect(theirs.string("peer") == a.peer)
        #expect(theirs.bool("transcript") == true)
        #expect(!theirs.has("ref"))
        chat.send(a.client, #"{"type":"say","room":"\#(room)","text":"thank you"}"#)
        chat.send(b.client, #"{"type":"leave","room":"\#(room)"}"#)
        let ending = chat.lastEffects.compactMap { if case .roomEnded(let end) = $0 { end } else { nil } }.first
        #expect(ending?.kind == .pair)
        #expect(ending?.consenting == [PeerID(a.peer)])
        #expect(Set(ending?.members ?? []) == [PeerID(a.peer), PeerID(b.peer)])
        #expect(ending?.messages.map(\.text) == ["thank you"])
    }

    @Test("with reflection off a draft is answered at once with no suggestions")
    func reflectOff() throws {
        var chat = ChatHarness()
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"reflect","text":"what is wrong with you","ref":"d1"}"#)
        let reply = try #require(chat.take(a.client).first)
        #expect(reply.string("type") == "reflection")
        #expect(reply.string("ref") == "d1")
        #expect(reply.array("suggestions").isEmpty)
    }

    @Test("with an external engine, drafts and sent messages become reflect effects")
    func reflectExternal() {
        var config = ChatConfiguration()
        config.reflection = .external
        var chat = ChatHarness(config)
        let (a, _, room) = chat.pair()
        chat.send(a.client, #"{"type":"reflect","text":" draft ","room":"\#(room)","ref":"d1"}"#)
        #expect(chat.lastEffects == [.reflect(ReflectionRequest(kind: .draft(ref: "d1"), peer: PeerID(a.peer), client: a.client,
                                                                room: RoomID(room), text: "draft"))])
        chat.send(a.client, #"{"type":"say","room":"\#(room)","text":"sent"}"#)
        #expect(chat.lastEffects.last == .reflect(ReflectionRequest(kind: .sent(seq: 1), peer: PeerID(a.peer), client: a.client,
                                                                    room: RoomID(room), text: "sent")))
    }

    @Test("a standing room ends each time it empties, reporting only the messages since the last end")
    func standingRoomEndings() {
        var (chat, people) = MessageTests.group(1)
        chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"first"}"#)
        chat.send(people[0].client, #"{"type":"leave","room":"lobby"}"#)
        chat.send(people[0].client, #"{"type":"join","room":"lobby"}"#)
        chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"second"}"#)
        chat.send(people[0].client, #"{"type":"leave","room":"lobby"}"#)
        let endings = chat.allEffects.compactMap { if case .roomEnded(let end) = $0 { end } else { nil } }
        #expect(endings.map { $0.messages.map(\.text) } == [["first"], ["second"]])
        #expect(chat.lobby.rooms[RoomID("lobby")] != nil)
    }
}
