import Testing
@testable import Chat

@Suite("Reflection hooks")
struct ConsentAndReflectionTests {
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
}
