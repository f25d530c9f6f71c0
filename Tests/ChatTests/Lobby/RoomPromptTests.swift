import Reflection
import Testing
@testable import Chat

extension ChatHarness {
    /// The prompts sent to `client` since the last take, as (kind, text, private).
    mutating func prompts(_ client: ClientID) -> [(kind: String, text: String, private: Bool)] {
        take(client).filter { $0.string("type") == "prompt" }.map {
            ($0.string("kind") ?? "", $0.string("text") ?? "", $0.bool("private") ?? false)
        }
    }

    /// Moves the clock to `time` (monotonic ms) and ticks, as the glue does at ``Lobby/nextDeadline``.
    mutating func tick(at time: UInt64) {
        clock = time
        apply(.tick)
    }
}

@Suite("Room prompts from the conversation coach (protocol §7)")
struct RoomPromptTests {
    static let second: UInt64 = 1000
    static let minute: UInt64 = 60_000

    /// Silence after 3 minutes, at most one room prompt per 4 (the defaults, spelled out for the tests).
    static var timing: CoachSettings {
        var settings = CoachSettings()
        settings.silenceAfter = 3 * minute
        settings.roomCooldown = 4 * minute
        return settings
    }

    /// Six messages, 20 seconds apart: `a` asks three questions, `b` asks none.
    static func oneSidedQuestions(_ chat: inout ChatHarness, _ a: Session, _ b: Session, _ room: String) {
        let lines: [(Session, String)] = [(a, "How are you?"), (b, "Tired."), (a, "What happened?"), (b, "A long day."),
                                          (a, "How did that feel?"), (b, "Heavy.")]
        for (who, text) in lines {
            chat.clock += 20 * second
            chat.say(who, room, text)
        }
    }

    /// A pair room opened at `chat.clock`; inboxes hold what pairing sent.
    static func openPair(_ config: ChatConfiguration) -> (ChatHarness, Session, Session, String) {
        var chat = ChatHarness(config)
        let a = chat.join("Ash")
        let b = chat.join("Birch")
        chat.send(a.client, #"{"type":"match"}"#)
        chat.send(b.client, #"{"type":"match"}"#)
        let room = chat.inbox[a.client]?.first { $0.string("type") == "joined" }?.string("room") ?? ""
        return (chat, a, b, room)
    }

    @Test("a pair room opens with a prompt to both people, after their joined")
    func opening() throws {
        var (chat, a, b, _) = Self.openPair(try ReflectionFixture.configuration())
        let toA = chat.take(a.client)
        let toB = chat.take(b.client)
        #expect(toA.map { $0.string("type") } == ["queued", "joined", "prompt"])
        #expect(toA.last?.string("text") == toB.last?.string("text"), "one prompt for the room")
        #expect(toB.map { $0.string("type") } == ["queued", "joined", "prompt"])
        let prompt = try #require(toB.last)
        #expect(prompt.string("kind") == "opening")
        #expect(prompt.string("task") == "connection")
        #expect(prompt.string("text")?.hasPrefix("open ") == true)
        #expect(!prompt.has("private"))
    }

    @Test("group rooms get no opening prompt, and a deployment can turn prompts off entirely")
    func noOpening() throws {
        var room = FacilitatedRoom(try ReflectionFixture.configuration())
        room.chat.send(room.facilitator.client, #"{"type":"create_room","title":"Second"}"#)
        #expect(room.chat.types(room.facilitator.client) == ["room_created", "joined"])
        var (chat, a, b, room2) = Self.openPair(try ReflectionFixture.configuration(roomPrompts: false))
        #expect(chat.types(a.client) == ["queued", "joined"])
        chat.say(b, room2, "hello")
        #expect(chat.lobby.nextDeadline == nil)
    }

    @Test("after the configured quiet the room hears one silence prompt, driven by nextDeadline")
    func silence() throws {
        var (chat, a, b, room) = Self.openPair(try ReflectionFixture.configuration(coach: Self.timing))
        let opened = chat.clock
        chat.clock += 10 * Self.second
        chat.say(a, room, "hello")
        for client in [a.client, b.client] { _ = chat.take(client) }
        #expect(chat.lobby.nextDeadline == opened + 4 * Self.minute, "the opening prompt's cooldown outlasts the silence")
        chat.tick(at: opened + 4 * Self.minute - 1)
        #expect(chat.prompts(a.client).isEmpty)
        chat.tick(at: opened + 4 * Self.minute)
        let heard = chat.prompts(a.client)
        #expect(heard.map(\.kind) == ["silence"])
        #expect(heard.first?.text.hasPrefix("quiet ") == true)
        #expect(chat.prompts(b.client).map(\.text) == heard.map(\.text))
        chat.tick(at: opened + 30 * Self.minute)
        #expect(chat.prompts(a.client).isEmpty, "once per silence")
        #expect(chat.lobby.nextDeadline == nil)
    }

    @Test("a second silence waits out the room cooldown, never repeats a wording, and stops when all are used")
    func cooldownAndNoRepeat() throws {
        var (chat, a, b, room) = Self.openPair(try ReflectionFixture.configuration(coach: Self.timing))
        let opened = chat.clock
        for client in [a.client, b.client] { _ = chat.take(client) }
        let first = opened + 4 * Self.minute
        chat.tick(at: first)
        let quiet1 = chat.prompts(a.client).map(\.text)
        #expect(quiet1.count == 1)
        chat.clock = first + Self.second
        chat.say(b, room, "still here")
        _ = chat.take(a.client)
        chat.tick(at: first + Self.second + 3 * Self.minute)
        #expect(chat.prompts(a.client).isEmpty, "the room cooldown has not passed")
        #expect(chat.lobby.nextDeadline == first + 4 * Self.minute)
        chat.tick(at: first + 4 * Self.minute)
        let quiet2 = chat.prompts(a.client).map(\.text)
        #expect(quiet2.count == 1)
        #expect(quiet2 != quiet1)
        chat.clock = first + 5 * Self.minute
        chat.say(b, room, "and again")
        #expect(chat.lobby.nextDeadline == nil, "both silence wordings are used")
        chat.tick(at: first + 60 * Self.minute)
        #expect(chat.prompts(a.client).isEmpty)
    }

    @Test("someone who turns prompts off for themselves stops hearing them; the other still does")
    func memberOff() throws {
        var (chat, a, b, room) = Self.openPair(try ReflectionFixture.configuration())
        let opened = chat.clock
        for client in [a.client, b.client] { _ = chat.take(client) }
        chat.send(a.client, #"{"type":"prompts","room":"\#(room)","enabled":false,"ref":"p"}"#)
        let answer = try #require(chat.take(a.client).first)
        #expect(answer.string("type") == "prompts")
        #expect(answer.bool("enabled") == false)
        #expect(answer.string("for") == "me")
        #expect(answer.string("ref") == "p")
        #expect(chat.take(b.client).isEmpty)
        chat.tick(at: opened + 4 * Self.minute)
        #expect(chat.prompts(a.client).isEmpty)
        #expect(chat.prompts(b.client).map(\.kind) == ["silence"])
    }

    @Test("either person can turn a pair room's prompts off for both; everyone is told; back on re-arms")
    func roomOff() throws {
        var (chat, a, b, room) = Self.openPair(try ReflectionFixture.configuration())
        let opened = chat.clock
        for client in [a.client, b.client] { _ = chat.take(client) }
        chat.send(b.client, #"{"type":"prompts","room":"\#(room)","enabled":false,"for":"room","ref":"q"}"#)
        #expect(chat.take(b.client).first?.string("ref") == "q")
        let told = try #require(chat.take(a.client).first)
        #expect(told.string("for") == "room")
        #expect(told.string("by") == b.peer)
        chat.tick(at: opened + 10 * Self.minute)
        #expect(chat.prompts(a.client).isEmpty && chat.prompts(b.client).isEmpty)
        #expect(chat.lobby.nextDeadline == nil)
        chat.send(a.client, #"{"type":"prompts","room":"\#(room)","enabled":true,"for":"room"}"#)
        for client in [a.client, b.client] { _ = chat.take(client) }
        #expect(chat.lobby.nextDeadline == chat.clock + 1, "the overdue silence comes at the next tick")
        chat.tick(at: chat.clock + 1)
        #expect(chat.prompts(a.client).map(\.kind) == ["silence"])
    }

    @Test("in a group room only facilitators may turn prompts off for everyone")
    func groupRoomSwitch() throws {
        var room = FacilitatedRoom(try ReflectionFixture.configuration())
        room.chat.send(room.a.client, #"{"type":"prompts","room":"\#(room.id)","enabled":false,"for":"room"}"#)
        #expect(room.chat.errorCode(room.a.client) == "forbidden")
        room.chat.send(room.facilitator.client, #"{"type":"prompts","room":"\#(room.id)","enabled":false,"for":"room"}"#)
        #expect(room.chat.types(room.a.client) == ["prompts"])
        room.chat.send(room.a.client, #"{"type":"prompts","room":"nowhere","enabled":false}"#)
        #expect(room.chat.errorCode(room.a.client) == "not_in_room")
    }

    @Test("moving to leave a pair room draws one closing prompt, and only after some conversation")
    func closing() throws {
        var (chat, a, b, room) = Self.openPair(try ReflectionFixture.configuration())
        for client in [a.client, b.client] { _ = chat.take(client) }
        chat.send(a.client, #"{"type":"leaving","room":"\#(room)","ref":"l"}"#)
        #expect(chat.take(a.client).isEmpty, "too early, and leaving is never answered")
        for index in 0..<4 {
            chat.clock += Self.minute
            chat.say(index.isMultiple(of: 2) ? a : b, room, "line \(index)")
        }
        chat.clock += 5 * Self.minute
        for client in [a.client, b.client] { _ = chat.take(client) }
        chat.send(a.client, #"{"type":"leaving","room":"\#(room)"}"#)
        let closing = chat.prompts(a.client)
        #expect(closing.map(\.kind) == ["closing"])
        #expect(chat.prompts(b.client).map(\.text) == closing.map(\.text))
        chat.clock += 5 * Self.minute
        chat.send(b.client, #"{"type":"leaving","room":"\#(room)"}"#)
        #expect(!chat.prompts(a.client).contains { $0.kind == "closing" }, "once per room")
    }

    @Test("someone asking all the questions gets a private nudge, and only they see it")
    func mutualityNudge() throws {
        var (chat, a, b, room) = Self.openPair(try ReflectionFixture.configuration())
        for client in [a.client, b.client] { _ = chat.take(client) }
        Self.oneSidedQuestions(&chat, a, b, room)
        #expect(chat.prompts(a.client).isEmpty)
        chat.clock += 20 * Self.second
        chat.say(a, room, "What helped?")
        let nudges = chat.prompts(a.client)
        #expect(nudges.map(\.kind) == ["mutuality-questions"])
        #expect(nudges.first?.private == true)
        #expect(chat.prompts(b.client).isEmpty)
        chat.clock += 20 * Self.second
        chat.say(b, room, "Rest.")
        chat.clock += 20 * Self.second
        chat.say(a, room, "And then?")
        #expect(chat.prompts(a.client).isEmpty, "the member cooldown holds")
    }

    @Test("after crisis words the coach holds its nudges and the silence prompt")
    func quietAfterCrisis() throws {
        var (chat, a, b, room) = Self.openPair(try ReflectionFixture.configuration())
        let opened = chat.clock
        for client in [a.client, b.client] { _ = chat.take(client) }
        Self.oneSidedQuestions(&chat, a, b, room)
        chat.clock += 20 * Self.second
        chat.say(a, room, "What helped? I want to die")
        #expect(chat.prompts(a.client).isEmpty)
        chat.tick(at: opened + 10 * Self.minute)
        #expect(chat.prompts(b.client).isEmpty, "quiet after crisis")
    }

    @Test("nobody connected, nobody prompted: the silence prompt is kept for a room someone is in")
    func nobodyHere() throws {
        var config = try ReflectionFixture.configuration()
        config.graceMilliseconds = 60 * Self.minute
        var chat = ChatHarness(config)
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"join","room":"lobby"}"#)
        chat.say(a, "lobby", "anyone?")
        let said = chat.clock
        chat.disconnect(a.client)
        #expect(chat.lobby.nextDeadline == said + 3 * Self.minute)
        chat.tick(at: said + 3 * Self.minute)
        #expect(chat.lobby.nextDeadline == said + 60 * Self.minute, "only the grace period is left")
        let back = chat.connect()
        chat.send(back, #"{"type":"hello","resume":"\#(a.token)"}"#)
        chat.clock += Self.second
        chat.send(back, #"{"type":"say","room":"lobby","text":"back again"}"#)
        _ = chat.take(back)
        chat.tick(at: chat.clock + 3 * Self.minute)
        #expect(chat.prompts(back).map(\.kind) == ["silence"])
    }
}
