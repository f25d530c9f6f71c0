import Testing
@testable import Chat

/// One scenario per error code: it ends with the refused request and returns the code it got.
private let scenarios: [String: @Sendable () -> String?] = [
    "bad_json": { one { c, s in c.send(s.client, "{nope") } },
    "unknown_type": { one { c, s in c.send(s.client, #"{"type":"dance"}"#) } },
    "bad_request": { one { c, s in c.send(s.client, #"{"type":"say","room":"lobby"}"#) } },
    "not_ready": { fresh { c, client in c.send(client, #"{"type":"match"}"#) } },
    "already_hello": { one { c, s in c.send(s.client, #"{"type":"hello","name":"Again"}"#) } },
    "name_invalid": { fresh { c, client in c.send(client, #"{"type":"hello","name":""}"#) } },
    "not_in_room": { one { c, s in c.send(s.client, #"{"type":"leave","room":"lobby"}"#) } },
    "no_such_room": { one { c, s in c.send(s.client, #"{"type":"join","room":"nowhere"}"#) } },
    "room_full": { one { c, s in c.send(s.client, #"{"type":"join","room":"full"}"#) } },
    "room_locked": { moderated(#"{"type":"lock","room":"ROOM"}"#, then: #"{"type":"join","room":"ROOM"}"#, by: .outsider) },
    "banned": { moderated(#"{"type":"ban","room":"ROOM","peer":"MEMBER"}"#, then: #"{"type":"join","room":"ROOM"}"#, by: .member) },
    "muted": { moderated(#"{"type":"mute","room":"ROOM","peer":"MEMBER"}"#, then: #"{"type":"say","room":"ROOM","text":"x"}"#, by: .member) },
    "agreement_required": { one { c, s in c.send(s.client, #"{"type":"join","room":"pledge"}"#) } },
    "forbidden": { one { c, s in c.send(s.client, #"{"type":"create_room","title":"x"}"#) } },
    "unauthorized": { fresh { c, client in c.send(client, #"{"type":"hello","name":"x","auth":"nope"}"#) } },
    "rate_limited": { one { c, s in
        c.send(s.client, #"{"type":"join","room":"lobby"}"#)
        for _ in 0..<11 { c.send(s.client, #"{"type":"say","room":"lobby","text":"x"}"#) }
    } },
    "too_long": { one { c, s in
        c.send(s.client, #"{"type":"join","room":"lobby"}"#)
        c.send(s.client, #"{"type":"say","room":"lobby","text":"\#(String(repeating: "x", count: 4001))"}"#)
    } },
    "already_queued": { one { c, s in c.send(s.client, #"{"type":"match","topics":["x"]}"#); c.send(s.client, #"{"type":"match"}"#) } },
    "not_queued": { one { c, s in c.send(s.client, #"{"type":"unmatch"}"#) } },
    "already_paired": { pairThenMatch() },
]

private func harness() -> ChatHarness {
    var config = ChatConfiguration()
    config.standingRooms = [StandingRoom(id: RoomID("lobby"), title: "L"), StandingRoom(id: RoomID("full"), title: "F", capacity: 0),
                            StandingRoom(id: RoomID("pledge"), title: "P", agreement: "Kindness")]
    config.topicPatienceMilliseconds = 60_000
    return ChatHarness(config, staff: FixedStaff(members: ["f": StaffMember(name: "F", role: .facilitator)]))
}

/// The last error code sent to `client`.
private func lastCode(_ chat: inout ChatHarness, _ client: ClientID) -> String? {
    chat.take(client).last { $0.string("type") == "error" }?.string("code")
}

private func one(_ body: (inout ChatHarness, Session) -> Void) -> String? {
    var chat = harness()
    let session = chat.join("Solo")
    body(&chat, session)
    return lastCode(&chat, session.client)
}

private func fresh(_ body: (inout ChatHarness, ClientID) -> Void) -> String? {
    var chat = harness()
    let client = chat.connect()
    body(&chat, client)
    return lastCode(&chat, client)
}

private func pairThenMatch() -> String? {
    var chat = harness()
    let (a, _, _) = chat.pair()
    chat.send(a.client, #"{"type":"match"}"#)
    return lastCode(&chat, a.client)
}

private enum Who { case member, outsider }

/// A facilitator's room with one member: the facilitator sends `action`, then `who` sends `then`.
private func moderated(_ action: String, then request: String, by who: Who) -> String? {
    var chat = harness()
    let facilitator = chat.connect()
    chat.send(facilitator, #"{"type":"hello","auth":"f"}"#)
    chat.send(facilitator, #"{"type":"create_room","title":"Circle"}"#)
    let room = chat.take(facilitator).first { $0.string("type") == "room_created" }?.string("room") ?? ""
    let member = chat.join("M")
    chat.send(member.client, #"{"type":"join","room":"\#(room)"}"#)
    let outsider = chat.join("O")
    chat.send(facilitator, action.replacingOccurrences(of: "ROOM", with: room).replacingOccurrences(of: "MEMBER", with: member.peer))
    let actor = who == .member ? member.client : outsider.client
    _ = chat.take(actor)
    chat.send(actor, request.replacingOccurrences(of: "ROOM", with: room))
    return lastCode(&chat, actor)
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

@Suite("Every error code")
struct ErrorCodeTests {
    @Test("each code is produced by its scenario", arguments: scenarios.keys.sorted())
    func code(expected: String) {
        #expect(scenarios[expected]?() == expected)
    }

    @Test("every code the chat can refuse with has a scenario")
    func coverage() {
        let owned = Set(ChatErrorCode.allCases.map(\.rawValue)).subtracting(["invalid_receipt", "server_busy"])
        #expect(Set(scenarios.keys) == owned)
    }
}
