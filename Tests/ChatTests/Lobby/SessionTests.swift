import Testing
@testable import Chat

@Suite("Sessions: hello, names, resume and grace")
struct SessionTests {
    @Test("hello gets a welcome with a p_ id, a resume token and the ref")
    func welcome() throws {
        var chat = ChatHarness()
        let client = chat.connect()
        chat.send(client, #"{"type":"hello","name":"  River  ","ref":"h1"}"#)
        let reply = try #require(chat.take(client).first)
        #expect(reply.string("type") == "welcome")
        #expect(reply.string("name") == "River")
        #expect(reply.string("peer")?.hasPrefix("p_") == true)
        #expect(reply.string("resume")?.utf8.count == 32)
        #expect(reply.bool("resumed") == false)
        #expect(reply.string("role") == "peer")
        #expect(reply.int("protocol") == 1)
        #expect(reply["limits"]?.objectValue?["text"] == .number(.integer(4000)))
        #expect(reply.string("ref") == "h1")
    }

    @Test("names must be 1 to 32 characters without control characters", arguments: [
        ("River", true), ("  x  ", true), (String(repeating: "é", count: 32), true), ("😀🌊", true),
        ("", false), ("   ", false), (String(repeating: "a", count: 33), false),
        ("a\\u0007b", false), ("a\\nb", false), ("a\\u202eb", false), ("a\\u2028b", false),
    ])
    func names(name: String, valid: Bool) {
        var chat = ChatHarness()
        let client = chat.connect()
        chat.send(client, #"{"type":"hello","name":"\#(name)"}"#)
        let reply = chat.take(client)
        #expect(reply.first?.string("type") == (valid ? "welcome" : "error"))
        if !valid { #expect(reply.first?.string("code") == "name_invalid") }
    }

    @Test("a hello without a name is name_invalid for peers; staff use their display name")
    func staffName() {
        let staff = FixedStaff(members: ["good": StaffMember(name: "Sam (facilitator)", role: .facilitator)])
        var chat = ChatHarness(staff: staff)
        let peer = chat.connect()
        chat.send(peer, #"{"type":"hello"}"#)
        #expect(chat.errorCode(peer) == "name_invalid")
        let facilitator = chat.connect()
        chat.send(facilitator, #"{"type":"hello","auth":"good"}"#)
        let welcome = chat.take(facilitator).first
        #expect(welcome?.string("name") == "Sam (facilitator)")
        #expect(welcome?.string("role") == "facilitator")
        let stranger = chat.connect()
        chat.send(stranger, #"{"type":"hello","name":"X","auth":"bad","ref":"a"}"#)
        let refusal = chat.take(stranger).first
        #expect(refusal?.string("code") == "unauthorized")
        #expect(refusal?.string("ref") == "a")
    }

    @Test("anything before hello is not_ready; a second hello is already_hello; the connection stays usable")
    func ordering() {
        var chat = ChatHarness()
        let client = chat.connect()
        chat.send(client, #"{"type":"rooms","ref":"r1"}"#)
        let early = chat.take(client)
        #expect(early.first?.string("code") == "not_ready")
        #expect(early.first?.string("ref") == "r1")
        chat.send(client, #"{"type":"say","ref":"r2"}"#)
        #expect(chat.errorCode(client) == "not_ready")
        chat.send(client, #"{"type":"helo"}"#)
        #expect(chat.errorCode(client) == "unknown_type")
        chat.send(client, #"{"type":"hello","name":7}"#)
        #expect(chat.errorCode(client) == "bad_request")
        chat.send(client, #"{"type":"hello","name":"A"}"#)
        #expect(chat.types(client) == ["welcome"])
        chat.send(client, #"{"type":"hello","name":"A","ref":"again"}"#)
        #expect(chat.errorCode(client) == "already_hello")
        chat.send(client, #"{"type":"rooms"}"#)
        #expect(chat.types(client) == ["rooms"])
    }

    @Test("a resume within the grace period keeps the peer id and rooms; others see away then back")
    func resumeWithinGrace() throws {
        var chat = ChatHarness()
        let (ash, birch, room) = chat.pair()
        chat.disconnect(ash.client)
        let away = try #require(chat.take(birch.client).first)
        #expect(away.string("type") == "presence")
        #expect(away.string("state") == "away")
        #expect(away.string("peer") == ash.peer)
        chat.advance(milliseconds: 119_000)
        let again = chat.connect()
        chat.send(again, #"{"type":"hello","name":"Ash","resume":"\#(ash.token)","ref":"back"}"#)
        let replies = chat.take(again)
        #expect(replies.map { $0.string("type") } == ["welcome", "joined"])
        #expect(replies[0].bool("resumed") == true)
        #expect(replies[0].string("peer") == ash.peer)
        #expect(replies[0].string("ref") == "back")
        #expect(replies[0].string("resume") != ash.token)
        #expect(replies[1].string("room") == room)
        #expect(chat.take(birch.client).map { $0.string("state") } == ["back"])
        chat.send(birch.client, #"{"type":"say","room":"\#(room)","text":"still here?"}"#)
        #expect(chat.types(again) == ["message"])
    }

    @Test("after the grace period the peer leaves: the pair room closes for the other")
    func graceExpires() throws {
        var chat = ChatHarness()
        let (ash, birch, room) = chat.pair()
        chat.disconnect(ash.client)
        _ = chat.take(birch.client)
        chat.advance(milliseconds: 120_000)
        let closed = try #require(chat.take(birch.client).first)
        #expect(closed.string("type") == "closed")
        #expect(closed.string("room") == room)
        #expect(closed.string("reason") == "peer_left")
        #expect(chat.lobby.peerCount == 1)
        #expect(!chat.lastEffects.contains { if case .roomEnded = $0 { true } else { false } }, "no consent, no transcript")
        let late = chat.connect()
        chat.send(late, #"{"type":"hello","name":"Ash","resume":"\#(ash.token)"}"#)
        let welcome = chat.take(late).first
        #expect(welcome?.bool("resumed") == false)
        #expect(welcome?.string("peer") != ash.peer)
        chat.send(birch.client, #"{"type":"match"}"#)
        #expect(chat.types(birch.client) == ["queued"])
    }

    @Test("group rooms see presence left after the grace period")
    func graceInGroup() {
        var config = ChatConfiguration()
        config.standingRooms = [StandingRoom(id: RoomID("lobby"), title: "Open circle")]
        var chat = ChatHarness(config)
        let a = chat.join("A")
        let b = chat.join("B")
        chat.send(a.client, #"{"type":"join","room":"lobby"}"#)
        chat.send(b.client, #"{"type":"join","room":"lobby"}"#)
        _ = chat.take(a.client)
        chat.disconnect(b.client)
        chat.advance(milliseconds: 120_001)
        #expect(chat.take(a.client).map { $0.string("state") } == ["away", "left"])
    }

    @Test("a used, invalid or forged token gives a fresh session")
    func replayedToken() {
        var chat = ChatHarness()
        let ash = chat.join("Ash")
        chat.disconnect(ash.client)
        let first = chat.connect()
        chat.send(first, #"{"type":"hello","name":"Ash","resume":"\#(ash.token)"}"#)
        #expect(chat.take(first).first?.bool("resumed") == true)
        chat.disconnect(first)
        for forged in [ash.token, "short", String(ash.token.prefix(8)) + String(repeating: "A", count: 24), "!" + ash.token.dropFirst()] {
            let other = chat.connect()
            chat.send(other, #"{"type":"hello","name":"Eve","resume":"\#(forged)"}"#)
            let welcome = chat.take(other).first
            #expect(welcome?.bool("resumed") == false)
            #expect(welcome?.string("peer") != ash.peer)
        }
    }

    @Test("resuming while the old connection is open takes over and closes the old one")
    func takeover() {
        var chat = ChatHarness()
        let (ash, birch, room) = chat.pair()
        let second = chat.connect()
        chat.send(second, #"{"type":"hello","name":"Ash","resume":"\#(ash.token)"}"#)
        #expect(chat.closed[ash.client] == .resumedElsewhere)
        #expect(chat.types(second) == ["welcome", "joined"])
        #expect(chat.types(birch.client) == [])
        chat.disconnect(ash.client)
        #expect(chat.types(birch.client) == [])
        chat.send(birch.client, #"{"type":"say","room":"\#(room)","text":"hi"}"#)
        #expect(chat.types(second) == ["message"])
        #expect(chat.types(ash.client) == [])
    }

    @Test("a disconnect before hello leaves nothing behind")
    func disconnectBeforeHello() {
        var chat = ChatHarness()
        let client = chat.connect()
        chat.disconnect(client)
        #expect(chat.lobby.connectionCount == 0)
        #expect(chat.lobby.peerCount == 0)
        #expect(chat.lobby.nextDeadline == nil)
    }

    @Test("the next deadline is the end of the earliest grace period")
    func nextDeadline() {
        var chat = ChatHarness()
        let a = chat.join("A")
        chat.disconnect(a.client)
        #expect(chat.lobby.nextDeadline == chat.clock + 120_000)
    }

    @Test("a pair room that closed while one was away is reported as closed on resume")
    func missedClosure() throws {
        var chat = ChatHarness()
        let (ash, birch, room) = chat.pair()
        chat.disconnect(ash.client)
        chat.send(birch.client, #"{"type":"leave","room":"\#(room)"}"#)
        let again = chat.connect()
        chat.send(again, #"{"type":"hello","name":"Ash","resume":"\#(ash.token)"}"#)
        let replies = chat.take(again)
        #expect(replies.map { $0.string("type") } == ["welcome", "closed"])
        #expect(replies.last?.string("reason") == "peer_left")
        #expect(replies.last?.string("room") == room)
        chat.send(again, #"{"type":"match"}"#)
        #expect(chat.types(again) == ["queued"])
    }

    @Test("a message from a client never announced is treated as a new connection; a reused id ends the old session")
    func lenientConnections() {
        var chat = ChatHarness()
        chat.send(ClientID(900), #"{"type":"hello","name":"Quiet"}"#)
        #expect(chat.types(ClientID(900)) == ["welcome"])
        chat.apply(.connected(ClientID(900)))
        #expect(chat.lobby.peers.values.first?.client == nil)
        chat.send(ClientID(900), #"{"type":"rooms"}"#)
        #expect(chat.errorCode(ClientID(900)) == "not_ready")
    }
}
