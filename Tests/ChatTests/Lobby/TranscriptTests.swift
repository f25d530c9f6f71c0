import Testing
@testable import Chat

extension ChatHarness {
    /// Every transcript handed to the glue so far.
    var endings: [RoomEnding] {
        allEffects.compactMap { if case .roomEnded(let ending) = $0 { ending } else { nil } }
    }

    mutating func consent(_ session: Session, _ room: String, _ transcript: Bool) {
        send(session.client, #"{"type":"consent","room":"\#(room)","transcript":\#(transcript)}"#)
    }

    mutating func say(_ session: Session, _ room: String, _ text: String) {
        send(session.client, #"{"type":"say","room":"\#(room)","text":"\#(text)"}"#)
    }
}

extension RoomEnding.Line {
    var text: String? { if case .message(let message) = self { message.text } else { nil } }
}

@Suite("Consent and transcripts (protocol §8)")
struct TranscriptTests {
    @Test("consent is told to every member, the sender's copy with ref, and shows in joined")
    func consentIsShared() throws {
        var (chat, people) = MessageTests.group(2)
        chat.send(people[0].client, #"{"type":"consent","room":"lobby","transcript":true,"ref":"k"}"#)
        let mine = try #require(chat.take(people[0].client).first)
        #expect(mine.string("type") == "consent")
        #expect(mine.string("ref") == "k")
        let theirs = try #require(chat.take(people[1].client).first)
        #expect(theirs.string("peer") == people[0].peer)
        #expect(theirs.bool("transcript") == true)
        #expect(!theirs.has("ref"))
        let late = chat.join("Late")
        chat.send(late.client, #"{"type":"join","room":"lobby"}"#)
        let joined = try #require(chat.take(late.client).first)
        let members = joined.array("members").compactMap(\.objectValue)
        #expect(members.first { $0.string("peer") == people[0].peer }?.bool("consent") == true)
        #expect(members.first { $0.string("peer") == people[1].peer }?.bool("consent") == false)
    }

    @Test("a pair room where only one consents ends with no transcript effect at all")
    func pairNeedsBoth() {
        var chat = ChatHarness()
        let (a, b, room) = chat.pair()
        chat.consent(a, room, true)
        chat.say(a, room, "something private")
        chat.send(b.client, #"{"type":"leave","room":"\#(room)"}"#)
        #expect(chat.endings.isEmpty)
        #expect(!chat.allEffects.contains { if case .roomEnded = $0 { true } else { false } })
    }

    @Test("a pair room where both consent at the end hands over every message and both people")
    func pairWithConsent() throws {
        var chat = ChatHarness()
        let (a, b, room) = chat.pair()
        chat.say(a, room, "before anyone consented")
        chat.consent(a, room, true)
        chat.consent(b, room, true)
        chat.say(b, room, "thank you")
        chat.send(b.client, #"{"type":"leave","room":"\#(room)"}"#)
        let ending = try #require(chat.endings.first)
        #expect(chat.endings.count == 1)
        #expect(ending.kind == .pair)
        #expect(ending.room == RoomID(room))
        #expect(ending.participants == [RoomEnding.Participant(peer: PeerID(a.peer), name: "Ash"),
                                        RoomEnding.Participant(peer: PeerID(b.peer), name: "Birch")])
        #expect(ending.lines.map(\.text) == ["before anyone consented", "thank you"])
        #expect(ending.lines.map(\.seq) == [1, 2])
    }

    @Test("consent withdrawn before the end means no transcript")
    func withdrawnBeforeEnd() {
        var chat = ChatHarness()
        let (a, b, room) = chat.pair()
        chat.consent(a, room, true)
        chat.consent(b, room, true)
        chat.say(a, room, "hello")
        chat.consent(a, room, false)
        chat.disconnect(b.client)
        chat.advance(milliseconds: 120_000)
        #expect(chat.endings.isEmpty)
    }

    @Test("a group transcript keeps consenting members' words and redacts everyone else's")
    func groupRedaction() throws {
        var room = FacilitatedRoom()
        room.chat.consent(room.a, room.id, true)
        room.chat.say(room.a, room.id, "I consent to this")
        room.chat.say(room.b, room.id, "I do not")
        room.chat.say(room.a, room.id, "to be deleted")
        room.chat.send(room.facilitator.client, #"{"type":"delete","room":"\#(room.id)","seq":3}"#)
        room.chat.send(room.facilitator.client, #"{"type":"close_room","room":"\#(room.id)"}"#)
        let ending = try #require(room.chat.endings.first)
        #expect(ending.kind == .group)
        #expect(ending.participants.map(\.peer) == [PeerID(room.a.peer)])
        #expect(ending.lines.count == 3)
        #expect(ending.lines[0].text == "I consent to this")
        #expect(ending.lines[1] == .redacted(seq: 2))
        #expect(ending.lines[2] == .deleted(seq: 3))
    }

    @Test("a group room with nobody consenting ends without a transcript")
    func groupWithoutConsent() {
        var room = FacilitatedRoom()
        room.chat.say(room.a, room.id, "words")
        room.chat.send(room.facilitator.client, #"{"type":"close_room","room":"\#(room.id)"}"#)
        #expect(room.chat.endings.isEmpty)
    }

    @Test("someone who left while consenting stays in the group transcript; someone who withdrew first does not")
    func departedConsent() throws {
        var room = FacilitatedRoom()
        room.chat.consent(room.a, room.id, true)
        room.chat.consent(room.b, room.id, true)
        room.chat.say(room.a, room.id, "from a")
        room.chat.say(room.b, room.id, "from b")
        room.chat.send(room.a.client, #"{"type":"leave","room":"\#(room.id)"}"#)
        room.chat.consent(room.b, room.id, false)
        room.chat.send(room.b.client, #"{"type":"leave","room":"\#(room.id)"}"#)
        room.chat.send(room.facilitator.client, #"{"type":"close_room","room":"\#(room.id)"}"#)
        let ending = try #require(room.chat.endings.first)
        #expect(ending.participants == [RoomEnding.Participant(peer: PeerID(room.a.peer), name: "A")])
        #expect(ending.lines == [ending.lines[0], .redacted(seq: 2)])
        #expect(ending.lines[0].text == "from a")
    }

    @Test("a standing room ends each time it empties, with only the messages since the last end")
    func standingRoomEndings() {
        var (chat, people) = MessageTests.group(1)
        chat.consent(people[0], "lobby", true)
        chat.say(people[0], "lobby", "first")
        chat.send(people[0].client, #"{"type":"leave","room":"lobby"}"#)
        chat.send(people[0].client, #"{"type":"join","room":"lobby"}"#)
        chat.say(people[0], "lobby", "not kept: consent is per visit")
        chat.send(people[0].client, #"{"type":"leave","room":"lobby"}"#)
        chat.send(people[0].client, #"{"type":"join","room":"lobby"}"#)
        chat.consent(people[0], "lobby", true)
        chat.say(people[0], "lobby", "second")
        chat.send(people[0].client, #"{"type":"leave","room":"lobby"}"#)
        #expect(chat.endings.map { $0.lines.map(\.text) } == [["first"], ["second"]])
        #expect(chat.lobby.rooms[RoomID("lobby")] != nil)
    }

    @Test("while anyone consents the room keeps more than its history, and forgets it when consent goes")
    func keepsWholeConversation() throws {
        var config = ChatConfiguration()
        config.historyCapacity = 5
        config.transcriptCapacity = 12
        config.ratePerSecond = 0
        let (a, b, room, chatStart) = Self.pair(config)
        var chat = chatStart
        for index in 1...8 { chat.say(a, room, "m\(index)") }
        #expect(chat.lobby.rooms[RoomID(room)]?.history.count == 5, "no consent: only the usual history")
        chat.consent(a, room, true)
        for index in 9...20 { chat.say(b, room, "m\(index)") }
        #expect(chat.lobby.rooms[RoomID(room)]?.history.count == 12)
        chat.consent(a, room, false)
        #expect(chat.lobby.rooms[RoomID(room)]?.history.count == 5, "the extra messages are forgotten at once")
        chat.consent(a, room, true)
        chat.consent(b, room, true)
        for index in 21...23 { chat.say(a, room, "m\(index)") }
        chat.send(a.client, #"{"type":"leave","room":"\#(room)"}"#)
        let ending = try #require(chat.endings.first)
        #expect(ending.lines.map(\.seq) == Array(16...23))
    }

    @Test("a very long consented conversation keeps its most recent messages, up to the bound")
    func transcriptBound() throws {
        var config = ChatConfiguration()
        config.transcriptCapacity = 600
        config.ratePerSecond = 0
        let (a, b, room, chatStart) = Self.pair(config)
        var chat = chatStart
        chat.consent(a, room, true)
        chat.consent(b, room, true)
        for index in 1...700 { chat.say(index.isMultiple(of: 2) ? a : b, room, "m\(index)") }
        chat.send(a.client, #"{"type":"leave","room":"\#(room)"}"#)
        let ending = try #require(chat.endings.first)
        #expect(ending.lines.count == 600)
        #expect(ending.lines.first?.seq == 101)
        #expect(ending.lines.last?.seq == 700)
    }

    @Test("receipts reach connected participants now and away ones right after their resume")
    func receipts() throws {
        var chat = ChatHarness()
        let (a, b, room) = chat.pair()
        chat.consent(a, room, true)
        chat.consent(b, room, true)
        chat.disconnect(b.client)
        chat.send(a.client, #"{"type":"leave","room":"\#(room)"}"#)
        _ = chat.take(a.client)
        chat.apply(.transcriptStored(TranscriptReceipts(
            room: RoomID(room), transcript: TranscriptID("t_1"), messages: 0,
            receipts: [.init(peer: PeerID(a.peer), receipt: "secret-a"), .init(peer: PeerID(b.peer), receipt: "secret-b"),
                       .init(peer: PeerID("p_gone"), receipt: "secret-c")])))
        let notice = try #require(chat.take(a.client).first)
        #expect(notice.string("type") == "transcript")
        #expect(notice.string("room") == room)
        #expect(notice.string("transcript") == "t_1")
        #expect(notice.string("receipt") == "secret-a")
        #expect(notice.int("messages") == 0)
        let back = chat.connect()
        chat.send(back, #"{"type":"hello","resume":"\#(b.token)"}"#)
        let types = chat.take(back).map { ($0.string("type") ?? "", $0.string("receipt")) }
        #expect(types.map(\.0) == ["welcome", "closed", "transcript"])
        #expect(types.last?.1 == "secret-b")
    }

    static func pair(_ config: ChatConfiguration) -> (Session, Session, String, ChatHarness) {
        var chat = ChatHarness(config)
        let (a, b, room) = chat.pair()
        return (a, b, room, chat)
    }
}

/// A facilitator's room with two members, A and B; inboxes emptied.
struct FacilitatedRoom {
    var chat: ChatHarness
    let facilitator: Session
    let a: Session
    let b: Session
    let id: String

    init(_ config: ChatConfiguration = ChatConfiguration()) {
        let staff = FixedStaff(members: ["f": StaffMember(name: "Fran", role: .facilitator)])
        var chat = ChatHarness(config, staff: staff)
        let client = chat.connect()
        chat.send(client, #"{"type":"hello","auth":"f"}"#)
        let peer = chat.take(client).first?.string("peer") ?? ""
        facilitator = Session(client: client, peer: peer, token: "")
        chat.send(client, #"{"type":"create_room","title":"Circle"}"#)
        id = chat.take(client).first?.string("room") ?? ""
        a = chat.join("A")
        b = chat.join("B")
        for person in [a, b] { chat.send(person.client, #"{"type":"join","room":"\#(id)"}"#) }
        for session in [facilitator, a, b] { _ = chat.take(session.client) }
        self.chat = chat
    }
}
