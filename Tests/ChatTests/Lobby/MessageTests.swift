import Testing
@testable import Chat

@Suite("Messages: order, limits, history, typing")
struct MessageTests {
    static func group(_ count: Int, config: ChatConfiguration = ChatConfiguration()) -> (ChatHarness, [Session]) {
        var config = config
        config.standingRooms = [StandingRoom(id: RoomID("lobby"), title: "Open circle")]
        var chat = ChatHarness(config)
        let sessions = (0..<count).map { chat.join("P\($0)") }
        for session in sessions { chat.send(session.client, #"{"type":"join","room":"lobby"}"#) }
        for session in sessions { _ = chat.take(session.client) }
        return (chat, sessions)
    }

    @Test("everyone gets the same message; only the sender's copy carries ref")
    func delivery() throws {
        var (chat, people) = Self.group(3)
        chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"  hello there \n","ref":"c1"}"#)
        let mine = try #require(chat.take(people[0].client).first)
        let theirs = try #require(chat.take(people[1].client).first)
        #expect(mine.string("ref") == "c1")
        #expect(!theirs.has("ref"))
        #expect(theirs.string("text") == "hello there")
        #expect(theirs.int("seq") == 1)
        #expect(theirs.string("from") == people[0].peer)
        #expect(theirs.string("name") == "P0")
        #expect(theirs.string("role") == "member")
        #expect(theirs.string("at") == "2026-11-23T12:00:10.000Z")
        #expect(chat.take(people[2].client).first?.string("text") == "hello there")
        let shared = chat.lastEffects.filter { if case .send(_, let to) = $0 { to.count == 2 } else { false } }
        #expect(shared.count == 1)
    }

    @Test("seq rises by exactly one per room, in one order for everyone")
    func ordering() {
        var (chat, people) = Self.group(4)
        for round in 0..<25 {
            for person in people { chat.send(person.client, #"{"type":"say","room":"lobby","text":"\#(round)"}"#) }
            chat.advance(milliseconds: 1000)
        }
        let views = people.map { chat.take($0.client).filter { $0.string("type") == "message" } }
        for view in views {
            #expect(view.compactMap { $0.int("seq") } == Array(1...100))
            #expect(view.map { $0.string("from") } == views[0].map { $0.string("from") })
        }
    }

    @Test("text must be 1 to the limit after trimming", arguments: [
        ("", "bad_request"), ("   \\n\\t ", "bad_request"),
        (String(repeating: "a", count: 4001), "too_long"), (String(repeating: "é", count: 4001), "too_long"),
    ])
    func textLimits(text: String, code: String) {
        var (chat, people) = Self.group(2)
        chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"\#(text)","ref":"t"}"#)
        #expect(chat.errorCode(people[0].client) == code)
        #expect(chat.take(people[1].client).isEmpty)
    }

    @Test("4000 characters is fine, counted as characters not bytes")
    func textAtLimit() {
        var (chat, people) = Self.group(2)
        chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"\#(String(repeating: "😀", count: 4000))"}"#)
        #expect(chat.types(people[1].client) == ["message"])
    }

    @Test("say in a room one is not in is not_in_room")
    func notInRoom() {
        var (chat, people) = Self.group(1)
        for json in [#"{"type":"say","room":"elsewhere","text":"x"}"#, #"{"type":"typing","room":"elsewhere"}"#,
                     #"{"type":"history","room":"elsewhere"}"#, #"{"type":"consent","room":"elsewhere","transcript":true}"#] {
            chat.send(people[0].client, json)
            #expect(chat.errorCode(people[0].client) == "not_in_room")
        }
    }

    @Test("the rate limit allows a burst of 10, then 5 per second; refused messages are not delivered")
    func rateLimit() {
        var (chat, people) = Self.group(2)
        var codes: [String] = []
        for index in 0..<12 {
            chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"\#(index)"}"#)
            codes.append(chat.take(people[0].client).first?.string("type") == "message" ? "ok" : chat.lastCode)
        }
        #expect(codes == Array(repeating: "ok", count: 10) + ["rate_limited", "rate_limited"])
        #expect(chat.take(people[1].client).count == 10)
        chat.advance(milliseconds: 200)
        chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"again"}"#)
        #expect(chat.types(people[1].client) == ["message"])
        chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"too soon"}"#)
        #expect(chat.errorCode(people[0].client) == "rate_limited")
    }

    @Test("a rate of 0 turns the limit off")
    func rateLimitOff() {
        var config = ChatConfiguration()
        config.ratePerSecond = 0
        var (chat, people) = Self.group(2, config: config)
        for index in 0..<100 { chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"\#(index)"}"#) }
        #expect(chat.take(people[1].client).count == 100)
    }

    @Test("typing reaches the others at most once per 2 seconds per peer")
    func typing() throws {
        var (chat, people) = Self.group(2)
        chat.send(people[0].client, #"{"type":"typing","room":"lobby"}"#)
        let notice = try #require(chat.take(people[1].client).first)
        #expect(notice.string("type") == "typing")
        #expect(notice.string("peer") == people[0].peer)
        #expect(chat.take(people[0].client).isEmpty)
        chat.advance(milliseconds: 1999)
        chat.send(people[0].client, #"{"type":"typing","room":"lobby"}"#)
        #expect(chat.take(people[1].client).isEmpty)
        #expect(chat.take(people[0].client).isEmpty)
        chat.advance(milliseconds: 1)
        chat.send(people[0].client, #"{"type":"typing","room":"lobby"}"#)
        #expect(chat.types(people[1].client) == ["typing"])
    }
}

extension ChatHarness {
    /// The error code in the last effects, for loops that already took the inbox.
    var lastCode: String {
        for case .send(let message, _) in lastEffects {
            if let object = try? JSONValue(parsing: message.bytes).objectValue, object.string("type") == "error" {
                return object.string("code") ?? "?"
            }
        }
        return "none"
    }
}
