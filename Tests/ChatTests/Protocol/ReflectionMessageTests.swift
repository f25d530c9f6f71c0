import Reflection
import Testing
@testable import Chat

@Suite("Encoding of reflection, support, prompts and transcripts")
struct ReflectionMessageTests {
    @Test("a suggestion has the protocol's fields, span as [start, end]")
    func suggestion() {
        let suggestion = Suggestion(rule: "whats-wrong-person", family: "whats-wrong", task: .connection, principle: .learning,
                                    text: "You could ask: \"What happened?\"", why: "One sentence.", span: 0..<21)
        #expect(ServerMessage.reflection(room: RoomID("r_1"), seq: 4, suggestions: [suggestion]).encoded().text ==
            #"{"type":"reflection","room":"r_1","seq":4,"suggestions":[{"rule":"whats-wrong-person","family":"whats-wrong","task":"connection","principle":"learning","text":"You could ask: \"What happened?\"","why":"One sentence.","span":[0,21]}]}"#)
        #expect(ServerMessage.reflection(room: nil, seq: nil, suggestions: []).encoded(ref: "d1").text ==
            #"{"type":"reflection","suggestions":[],"ref":"d1"}"#)
    }

    @Test("support carries the text and each resource")
    func support() {
        let support = SupportResources(text: "Here.", resources: [.init(name: "N", contact: "C", url: "U")])
        #expect(ServerMessage.support(room: RoomID("r_1"), support).encoded().text ==
            #"{"type":"support","room":"r_1","text":"Here.","resources":[{"name":"N","contact":"C","url":"U"}]}"#)
    }

    @Test("a prompt names its task and kind; a nudge is marked private")
    func prompt() {
        let prompt = Prompt(kind: .mutualityQuestions, task: .mutuality, text: "Share?")
        #expect(ServerMessage.prompt(room: RoomID("r_1"), prompt, private: true).encoded().text ==
            #"{"type":"prompt","room":"r_1","kind":"mutuality-questions","task":"mutuality","text":"Share?","private":true}"#)
        let opening = Prompt(kind: .opening, task: .connection, text: "Hi")
        #expect(ServerMessage.prompt(room: RoomID("r_1"), opening, private: false).encoded().text ==
            #"{"type":"prompt","room":"r_1","kind":"opening","task":"connection","text":"Hi"}"#)
    }

    @Test("a transcript event carries the receipt and the line count")
    func transcript() {
        #expect(ServerMessage.transcript(room: RoomID("r_1"), transcript: TranscriptID("t_9"), receipt: "SECRET", messages: 12)
            .encoded().text == #"{"type":"transcript","room":"r_1","transcript":"t_9","receipt":"SECRET","messages":12}"#)
    }

    @Test("the prompts setting echoes who changed it for the room")
    func promptsSetting() {
        #expect(ServerMessage.promptsSetting(room: RoomID("g"), enabled: false, scope: .room, by: PeerID("p_1")).encoded().text ==
            #"{"type":"prompts","room":"g","enabled":false,"for":"room","by":"p_1"}"#)
    }

    @Test("leaving and prompts decode; an unknown scope is bad_request")
    func decoding() throws {
        #expect(try ClientRequest(json: Array(#"{"type":"leaving","room":"r_1"}"#.utf8)).message == .leaving(room: RoomID("r_1")))
        #expect(try ClientRequest(json: Array(#"{"type":"prompts","room":"g","enabled":false}"#.utf8)).message ==
            .prompts(room: RoomID("g"), enabled: false, scope: .me))
        #expect(try ClientRequest(json: Array(#"{"type":"prompts","room":"g","enabled":true,"for":"room"}"#.utf8)).message ==
            .prompts(room: RoomID("g"), enabled: true, scope: .room))
        #expect(throws: ClientMessageError.self) {
            try ClientRequest(json: Array(#"{"type":"prompts","room":"g","enabled":true,"for":"all"}"#.utf8))
        }
    }
}
