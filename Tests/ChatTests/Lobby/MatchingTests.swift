import Testing
@testable import Chat

@Suite("Matching")
struct MatchingTests {
    private func pairedRoom(_ chat: inout ChatHarness, _ session: Session) -> JSONObject? {
        chat.take(session.client).first { $0.string("type") == "joined" }
    }

    @Test("the first peer waits; the second is paired with it at once")
    func basicPair() throws {
        var chat = ChatHarness()
        let a = chat.join("A")
        let b = chat.join("B")
        chat.send(a.client, #"{"type":"match","ref":"m1"}"#)
        let queued = try #require(chat.take(a.client).first)
        #expect(queued.string("type") == "queued")
        #expect(queued.int("position") == 1)
        #expect(queued.string("ref") == "m1")
        chat.send(b.client, #"{"type":"match","ref":"m2"}"#)
        let bReplies = chat.take(b.client)
        #expect(bReplies.map { $0.string("type") } == ["queued", "joined"])
        #expect(bReplies[0].string("ref") == "m2")
        let joined = try #require(pairedRoom(&chat, a))
        #expect(joined.string("kind") == "pair")
        #expect(joined.string("room")?.hasPrefix("r_") == true)
        #expect(joined.string("room") == bReplies[1].string("room"))
        #expect(joined.array("members").count == 2)
        #expect(joined.int("seq") == 0)
        #expect(chat.lobby.waitingCount == 0)
    }

    @Test("an arrival is paired with the earliest waiter sharing a topic, not the earliest waiter")
    func topicsPreferred() {
        var config = ChatConfiguration()
        config.topicPatienceMilliseconds = 60_000
        var chat = ChatHarness(config)
        let work = chat.join("Work")
        let grief1 = chat.join("Grief1")
        let grief2 = chat.join("Grief2")
        chat.send(work.client, #"{"type":"match","topics":["work"]}"#)
        chat.send(grief1.client, #"{"type":"match","topics":["Grief "]}"#)
        chat.send(grief2.client, #"{"type":"match","topics":["sleep","grief"]}"#)
        #expect(chat.types(work.client) == ["queued"])
        let joined = pairedRoom(&chat, grief1)
        #expect(joined != nil)
        #expect(joined?.array("topics") == [.string("grief")])
        #expect(chat.lobby.waitingCount == 1)
    }

    @Test("with no patience everyone is paired first come, first served, shared topics first")
    func fcfsWithPreference() {
        var chat = ChatHarness()
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"match","topics":["work"]}"#)
        let b = chat.join("B")
        chat.send(b.client, #"{"type":"match","topics":["grief"]}"#)
        #expect(pairedRoom(&chat, a) != nil)
        #expect(chat.lobby.waitingCount == 0)
    }

    @Test("waiters whose patience ran out are paired with each other in arrival order")
    func patienceExpires() {
        var config = ChatConfiguration()
        config.topicPatienceMilliseconds = 30_000
        var chat = ChatHarness(config)
        let sessions = (0..<4).map { chat.join("P\($0)") }
        for (index, session) in sessions.enumerated() {
            chat.send(session.client, #"{"type":"match","topics":["t\#(index)"]}"#)
            chat.advance(milliseconds: 1000)
        }
        #expect(chat.lobby.waitingCount == 4)
        #expect(chat.lobby.nextDeadline == 10_000 + 30_000)
        chat.advance(milliseconds: 26_000)  // 40 s: P0 takes anyone now, but nobody else does yet
        #expect(chat.lobby.waitingCount == 4)
        chat.advance(milliseconds: 1000)    // 41 s: P1 too, and the two are paired
        #expect(chat.lobby.waitingCount == 2)
        let first = pairedRoom(&chat, sessions[0])?.string("room")
        #expect(first != nil)
        #expect(first == pairedRoom(&chat, sessions[1])?.string("room"))
        chat.advance(milliseconds: 10_000)
        #expect(chat.lobby.waitingCount == 0)
    }

    @Test("a peer is never paired with someone either of them blocked")
    func blocksRespected() {
        var chat = ChatHarness()
        let a = chat.join("A")
        let b = chat.join("B")
        let c = chat.join("C")
        chat.send(b.client, #"{"type":"block","peer":"\#(a.peer)"}"#)
        chat.send(a.client, #"{"type":"match"}"#)
        chat.send(b.client, #"{"type":"match"}"#)
        #expect(chat.lobby.waitingCount == 2)
        chat.send(c.client, #"{"type":"match"}"#)
        #expect(pairedRoom(&chat, a) != nil)
        #expect(chat.lobby.waitingCount == 1)
        #expect(chat.lobby.matchQueue.contains(PeerID(b.peer)))
    }

    @Test("one pair room per peer; already queued; unmatch and not queued", arguments: [
        ("paired", "already_paired"), ("queued", "already_queued"), ("unmatch", "not_queued"),
    ])
    func refusals(state: String, code: String) {
        var chat = ChatHarness()
        let (a, _, _) = chat.pair()
        let c = chat.join("C")
        switch state {
        case "paired":
            chat.send(a.client, #"{"type":"match","ref":"x"}"#)
            #expect(chat.errorCode(a.client) == code)
        case "queued":
            chat.send(c.client, #"{"type":"match"}"#)
            _ = chat.take(c.client)
            chat.send(c.client, #"{"type":"match"}"#)
            #expect(chat.errorCode(c.client) == code)
        default:
            chat.send(c.client, #"{"type":"unmatch"}"#)
            #expect(chat.errorCode(c.client) == code)
        }
    }

    @Test("unmatch leaves the queue; a disconnect does too")
    func unmatch() {
        var chat = ChatHarness()
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"match"}"#)
        chat.send(a.client, #"{"type":"unmatch","ref":"u"}"#)
        let replies = chat.take(a.client)
        #expect(replies.last?.string("type") == "unqueued")
        #expect(replies.last?.string("ref") == "u")
        let b = chat.join("B")
        chat.send(b.client, #"{"type":"match"}"#)
        chat.disconnect(b.client)
        #expect(chat.lobby.waitingCount == 0)
    }

    @Test("topics are limited to 5, each up to 32 characters", arguments: [
        (#"["a","b","c","d","e"]"#, true), (#"["a","b","c","d","e","f"]"#, false),
        (#"["\#(String(repeating: "x", count: 32))"]"#, true), (#"["\#(String(repeating: "x", count: 33))"]"#, false),
        (#"[" "]"#, false), (#"["a","A"]"#, true),
    ])
    func topicLimits(topics: String, valid: Bool) {
        var chat = ChatHarness()
        let a = chat.join("A")
        chat.send(a.client, #"{"type":"match","topics":\#(topics)}"#)
        #expect(chat.types(a.client) == [valid ? "queued" : "error"])
    }

    @Test("after a pair room closes, both may match again")
    func matchAgain() {
        var chat = ChatHarness()
        let (a, b, room) = chat.pair()
        chat.send(a.client, #"{"type":"leave","room":"\#(room)"}"#)
        #expect(chat.types(a.client) == ["left"])
        #expect(chat.types(b.client) == ["closed"])
        chat.send(a.client, #"{"type":"match"}"#)
        chat.send(b.client, #"{"type":"match"}"#)
        #expect(chat.types(b.client) == ["queued", "joined"])
    }

    @Test("the lobby with 10,000 people waiting still matches an arrival with a few steps")
    func lobbyTenThousand() {
        var config = ChatConfiguration()
        config.topicPatienceMilliseconds = 600_000
        var chat = ChatHarness(config)
        var sessions: [Session] = []
        for index in 0..<10_000 {
            let session = chat.join("P\(index)")
            chat.send(session.client, #"{"type":"match","topics":["topic-\#(index)"]}"#)
            _ = chat.take(session.client)
            sessions.append(session)
        }
        #expect(chat.lobby.waitingCount == 10_000)
        let late = chat.join("Late")
        let before = chat.lobby.matchQueue.examined
        chat.send(late.client, #"{"type":"match","topics":["topic-9876","elsewhere"]}"#)
        #expect(chat.lobby.matchQueue.examined - before <= 2)
        #expect(chat.types(late.client) == ["queued", "joined"])
        #expect(chat.types(sessions[9876].client) == ["joined"])
        #expect(chat.lobby.waitingCount == 9_999)
    }
}
