import Testing
@testable import Chat

@Suite("Server message encoding")
struct ServerMessageTests {
    let message = ChatMessage(room: RoomID("r_a"), seq: 3, from: PeerID("p_b"), name: "River", role: .member,
                              text: "line\n\"quoted\"\u{2028}", at: 1_795_435_200_000)

    @Test("a message is compact JSON, type first, with an ISO time")
    func messageShape() {
        #expect(ServerMessage.message(message).encoded().text ==
            #"{"type":"message","room":"r_a","seq":3,"from":"p_b","name":"River","role":"member","text":"line\n\"quoted\"\u2028","at":"2026-11-23T12:00:00.000Z"}"#)
    }

    @Test("adding a ref appends it as the last field and leaves the shared bytes alone")
    func addingRef() throws {
        let shared = ServerMessage.message(message).encoded()
        let mine = shared.addingRef("c\"1")
        #expect(mine.text == String(shared.text.dropLast()) + #","ref":"c\"1"}"#)
        #expect(!shared.text.contains("ref"))
        #expect(shared.addingRef(nil) == shared)
        let parsed = try #require(try JSONValue(parsing: mine.bytes).objectValue)
        #expect(parsed["ref"] == .string("c\"1"))
    }

    @Test("history shows deleted messages as seq and deleted only")
    func historyTombstone() {
        var gone = message
        gone.deleted = true
        gone.seq = 4
        let text = ServerMessage.history(room: RoomID("r_a"), entries: [gone], more: true).encoded().text
        #expect(text == #"{"type":"history","room":"r_a","messages":[{"seq":4,"deleted":true}],"more":true}"#)
    }

    @Test("welcome carries protocol 1 and the limits")
    func welcome() {
        let welcome = Welcome(peer: PeerID("p_1"), name: "River", role: .peer, resume: "TOKEN", resumed: false,
                              textLimit: 4000, messageLimit: 65536)
        #expect(ServerMessage.welcome(welcome).encoded(ref: "h").text ==
            #"{"type":"welcome","peer":"p_1","name":"River","role":"peer","resume":"TOKEN","resumed":false,"protocol":1,"limits":{"text":4000,"message":65536},"ref":"h"}"#)
    }

    @Test("an agreement_required error carries the agreement")
    func agreementError() {
        let text = ServerMessage.error(.agreementRequired, message: "m", agreement: "Be kind").encoded(ref: "j").text
        #expect(text == #"{"type":"error","code":"agreement_required","message":"m","agreement":"Be kind","ref":"j"}"#)
    }

    @Test("joined lists members with state and null title")
    func joined() {
        let snapshot = RoomSnapshot(room: RoomID("r_a"), kind: .pair, title: nil, topics: ["grief"], agreement: nil,
                                    members: [MemberSnapshot(peer: PeerID("p_1"), name: "A", role: .member, consent: false, here: false)],
                                    seq: 0, yourRole: .member)
        #expect(ServerMessage.joined(snapshot).encoded().text ==
            #"{"type":"joined","room":"r_a","kind":"pair","title":null,"topics":["grief"],"agreement":null,"members":[{"peer":"p_1","name":"A","role":"member","consent":false,"state":"away"}],"seq":0,"you":{"role":"member"}}"#)
    }

    @Test("every server message encodes to a JSON object with a type")
    func allParse() throws {
        let notice = ModerationNotice(room: RoomID("g"), action: "mute", peer: PeerID("p"), seq: nil, by: PeerID("q"),
                                      until: 0, seconds: nil)
        let all: [ServerMessage] = [
            .queued(position: 2), .unqueued, .left(room: RoomID("g")), .closed(room: RoomID("r"), reason: .peerLeft),
            .presence(room: RoomID("g"), peer: PeerID("p"), name: "n", state: .away), .typing(room: RoomID("g"), peer: PeerID("p")),
            .blocked(peer: PeerID("p")), .rooms([RoomSummary(room: RoomID("g"), title: "T", topics: [], members: 1, capacity: nil,
                                                              locked: false, hasAgreement: true)]),
            .roomCreated(room: RoomID("g_1")), .moderation(notice), .agreement(room: RoomID("g"), text: "a"), .agreed(room: RoomID("g")),
            .consent(room: RoomID("g"), peer: PeerID("p"), transcript: true), .reported(report: ReportID("rep_1")),
            .alert(kind: "report", room: RoomID("g"), seq: 1, report: ReportID("rep_1")),
            .reportOutcome(report: ReportID("rep_1"), outcome: "ok"),
            .reflection(room: nil, seq: nil, suggestions: []),
            .transcript(room: RoomID("r"), transcript: TranscriptID("t_1"), receipt: "s", messages: 3),
            .promptsSetting(room: RoomID("g"), enabled: false, scope: .me, by: nil),
        ]
        for message in all {
            let object = try #require(try JSONValue(parsing: message.encoded().bytes).objectValue)
            #expect(object["type"]?.stringValue?.isEmpty == false)
        }
    }
}
