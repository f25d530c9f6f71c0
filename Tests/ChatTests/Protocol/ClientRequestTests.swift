import Testing
@testable import Chat

private func decode(_ json: String) throws(ClientMessageError) -> ClientRequest {
    try ClientRequest(json: Array(json.utf8))
}

@Suite("Client message decoding")
struct ClientRequestTests {
    @Test("decodes every message type", arguments: [
        (#"{"type":"hello","name":"River","resume":"T","auth":"A"}"#, ClientMessage.hello(name: "River", resume: "T", auth: "A")),
        (#"{"type":"hello"}"#, .hello(name: nil, resume: nil, auth: nil)),
        (#"{"type":"match","topics":["grief","work"]}"#, .match(topics: ["grief", "work"])),
        (#"{"type":"match"}"#, .match(topics: [])),
        (#"{"type":"unmatch"}"#, .unmatch),
        (#"{"type":"rooms"}"#, .rooms),
        (#"{"type":"join","room":"lobby","agree":true}"#, .join(room: RoomID("lobby"), agree: true)),
        (#"{"type":"join","room":"lobby"}"#, .join(room: RoomID("lobby"), agree: false)),
        (#"{"type":"leave","room":"r_1"}"#, .leave(room: RoomID("r_1"))),
        (#"{"type":"say","room":"r_1","text":"hi"}"#, .say(room: RoomID("r_1"), text: "hi")),
        (#"{"type":"history","room":"r_1","after":5,"limit":20}"#, .history(room: RoomID("r_1"), after: 5, limit: 20)),
        (#"{"type":"history","room":"r_1"}"#, .history(room: RoomID("r_1"), after: 0, limit: nil)),
        (#"{"type":"typing","room":"r_1"}"#, .typing(room: RoomID("r_1"))),
        (#"{"type":"block","peer":"p_x"}"#, .block(peer: PeerID("p_x"))),
        (#"{"type":"report","room":"g","seq":3,"reason":"unkind"}"#, .report(room: RoomID("g"), seq: 3, reason: "unkind")),
        (#"{"type":"resolve_report","report":"rep_1","outcome":"talked"}"#, .resolveReport(report: ReportID("rep_1"), outcome: "talked")),
        (#"{"type":"create_room","title":"T","capacity":8,"topics":["a"]}"#, .createRoom(title: "T", agreement: nil, capacity: 8, topics: ["a"])),
        (#"{"type":"mute","room":"g","peer":"p_x","minutes":5}"#, .moderate(room: RoomID("g"), action: .mute(peer: PeerID("p_x"), minutes: 5))),
        (#"{"type":"mute","room":"g","peer":"p_x"}"#, .moderate(room: RoomID("g"), action: .mute(peer: PeerID("p_x"), minutes: 10))),
        (#"{"type":"delete","room":"g","seq":2}"#, .moderate(room: RoomID("g"), action: .delete(seq: 2))),
        (#"{"type":"close_room","room":"g"}"#, .moderate(room: RoomID("g"), action: .closeRoom)),
        (#"{"type":"set_agreement","room":"g","agreement":"Be kind"}"#, .moderate(room: RoomID("g"), action: .setAgreement("Be kind"))),
        (#"{"type":"agree","room":"g"}"#, .agree(room: RoomID("g"))),
        (#"{"type":"consent","room":"g","transcript":true}"#, .consent(room: RoomID("g"), transcript: true)),
        (#"{"type":"reflect","text":"x"}"#, .reflect(text: "x", room: nil)),
    ])
    func decodesTypes(json: String, expected: ClientMessage) throws {
        #expect(try decode(json).message == expected)
    }

    @Test("ignores unknown fields and keeps the ref")
    func unknownFields() throws {
        let request = try decode(#"{"type":"rooms","ref":"c1","extra":{"deep":[1,2,{"x":null}]},"n":1e400}"#)
        #expect(request == ClientRequest(ref: "c1", .rooms))
    }

    @Test("a null ref is no ref; a 64-character ref is fine")
    func refEdges() throws {
        #expect(try decode(#"{"type":"rooms","ref":null}"#).ref == nil)
        let long = String(repeating: "é", count: 64)
        #expect(try decode(#"{"type":"rooms","ref":"\#(long)"}"#).ref == long)
    }

    @Test("refuses with the right code and ref", arguments: [
        ("not json", "bad_json", nil),
        ("[1,2]", "bad_json", nil),
        (#""hello""#, "bad_json", nil),
        (#"{"ref":"c1"}"#, "bad_request", "c1"),
        (#"{"type":7,"ref":"c1"}"#, "bad_request", "c1"),
        (#"{"type":"dance","ref":"c2"}"#, "unknown_type", "c2"),
        (#"{"type":"say","room":"r","ref":"c3"}"#, "bad_request", "c3"),
        (#"{"type":"say","room":5,"text":"x","ref":"c4"}"#, "bad_request", "c4"),
        (#"{"type":"history","room":"r","after":1.5,"ref":"c5"}"#, "bad_request", "c5"),
        (#"{"type":"history","room":"r","limit":"10","ref":"c6"}"#, "bad_request", "c6"),
        (#"{"type":"match","topics":"grief","ref":"c7"}"#, "bad_request", "c7"),
        (#"{"type":"match","topics":["a",1],"ref":"c8"}"#, "bad_request", "c8"),
        (#"{"type":"join","room":"g","agree":"yes","ref":"c9"}"#, "bad_request", "c9"),
        (#"{"type":"consent","room":"g","ref":"c10"}"#, "bad_request", "c10"),
        (#"{"type":"rooms","ref":12}"#, "bad_request", nil),
        (#"{"type":"rooms","ref":"\#(String(repeating: "x", count: 65))"}"#, "bad_request", nil),
    ] as [(String, String, String?)])
    func refusals(json: String, code: String, ref: String?) {
        do {
            _ = try decode(json)
            Issue.record("decoded \(json)")
        } catch {
            #expect(error.code.rawValue == code)
            #expect(error.ref == ref)
            #expect(!error.explanation.isEmpty)
        }
    }

    @Test("does not echo a long unknown type back")
    func longUnknownType() {
        let type = String(repeating: "z", count: 200)
        #expect(throws: ClientMessageError.self) { try decode(#"{"type":"\#(type)"}"#) }
        do { _ = try decode(#"{"type":"\#(type)"}"#) } catch { #expect(!error.explanation.contains(type)) }
    }
}
