import Testing
@testable import Chat

@Suite("Reflection: drafts, sent messages and crisis (protocol §7)")
struct ChatReflectionTests {
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

    @Test("a draft gets every applicable family's suggestion, with its span, and ref")
    func draft() throws {
        var chat = ChatHarness(try ReflectionFixture.configuration())
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"reflect","text":"what's wrong with you","ref":"d1"}"#)
        let replies = chat.take(a.client)
        #expect(replies.count == 1)
        let reply = try #require(replies.first)
        #expect(reply.string("type") == "reflection")
        #expect(reply.string("ref") == "d1")
        #expect(!reply.has("room") && !reply.has("seq"))
        let suggestion = try #require(reply.array("suggestions").first?.objectValue)
        #expect(suggestion.string("family") == "whats-wrong")
        for key in ["rule", "task", "principle", "text", "why"] { #expect(suggestion.string(key)?.isEmpty == false, "\(key)") }
        #expect(suggestion.array("span").compactMap(\.intValue) == [0, 21])
    }

    @Test("a draft with nothing to suggest is still answered, with an empty list")
    func emptyDraft() throws {
        var chat = ChatHarness(try ReflectionFixture.configuration())
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"reflect","text":"I had a good walk today.","ref":"d2"}"#)
        let reply = try #require(chat.take(a.client).first)
        #expect(reply.string("ref") == "d2")
        #expect(reply.array("suggestions").isEmpty)
    }

    @Test("crisis words in a draft: the crisis suggestion and private support, and nobody else is told")
    func crisisDraft() throws {
        var room = FacilitatedRoom(try ReflectionFixture.configuration())
        room.chat.send(room.a.client, #"{"type":"reflect","text":"I want to die","room":"\#(room.id)","ref":"d"}"#)
        let replies = room.chat.take(room.a.client)
        #expect(replies.map { $0.string("type") } == ["reflection", "support"])
        let families = replies.first?.array("suggestions").compactMap { $0.objectValue?.string("family") } ?? []
        #expect(families.contains("crisis"))
        #expect(replies[1].string("room") == room.id)
        #expect(room.chat.take(room.facilitator.client).isEmpty)
        #expect(room.chat.take(room.b.client).isEmpty)
    }

    @Test("after a say the author alone gets a reflection naming room and seq, after the message itself")
    func afterSay() throws {
        var chat = ChatHarness(try ReflectionFixture.configuration())
        let (a, b, room) = chat.pair()
        chat.say(a, room, "what's wrong with you")
        let effects = chat.lastEffects
        guard case .send(let first, let to)? = effects.first else { Issue.record("no message first"); return }
        #expect(first.text.contains(#""type":"message""#) && to == [b.client])
        let mine = chat.take(a.client)
        #expect(mine.map { $0.string("type") } == ["message", "reflection"])
        #expect(mine[1].string("room") == room)
        #expect(mine[1].int("seq") == 1)
        #expect(!mine[1].has("ref"))
        #expect(mine[0].string("text") == "what's wrong with you", "never changed")
        #expect(chat.types(b.client) == ["message"])
    }

    @Test("a say with nothing to suggest sends no reflection")
    func quietSay() throws {
        var chat = ChatHarness(try ReflectionFixture.configuration())
        let (a, _, room) = chat.pair()
        chat.say(a, room, "I had a good walk today.")
        #expect(chat.types(a.client) == ["message"])
    }

    @Test("crisis in a pair room: support to the author, and the other person only sees the message")
    func crisisInPair() throws {
        var chat = ChatHarness(try ReflectionFixture.configuration())
        let (a, b, room) = chat.pair()
        chat.say(a, room, "I want to die")
        let mine = chat.take(a.client)
        #expect(mine.map { $0.string("type") } == ["message", "reflection", "support"])
        let support = mine[2]
        #expect(support.string("room") == room)
        #expect(support.string("text") == ReflectionFixture.support.text)
        let resource = try #require(support.array("resources").first?.objectValue)
        #expect(resource.string("name") == "Line")
        #expect(resource.string("contact") == "call 116 123")
        #expect(resource.string("url") == "https://example.org")
        #expect(chat.types(b.client) == ["message"])
    }

    @Test("crisis in a group room: support to the author, a crisis alert to the facilitators only")
    func crisisInGroup() throws {
        var room = FacilitatedRoom(try ReflectionFixture.configuration())
        room.chat.say(room.a, room.id, "I want to die")
        #expect(room.chat.types(room.a.client) == ["message", "reflection", "support"])
        #expect(room.chat.types(room.b.client) == ["message"])
        let toFacilitator = room.chat.take(room.facilitator.client)
        #expect(toFacilitator.map { $0.string("type") } == ["message", "alert"])
        let alert = toFacilitator[1]
        #expect(alert.string("kind") == "crisis")
        #expect(alert.string("room") == room.id)
        #expect(alert.int("seq") == 1)
        #expect(!alert.has("report"))
    }
}
