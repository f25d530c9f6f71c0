import TestSupport
import Testing
@testable import Chat

extension Lobby {
    /// Everything that must always hold between peers, rooms, connections and the queue.
    func brokenInvariants() -> [String] {
        var broken: [String] = []
        for (id, peer) in peers {
            for roomID in peer.rooms {
                guard let room = rooms[roomID] else { broken.append("\(id) lists missing room \(roomID)"); continue }
                guard let member = room.members[id] else { broken.append("\(id) lists \(roomID) but is not a member"); continue }
                if member.client != peer.client { broken.append("\(id) client differs in \(roomID)") }
            }
            if let pair = peer.pairRoom, rooms[pair]?.kind != .pair || !peer.rooms.contains(pair) {
                broken.append("\(id) pair room \(pair) inconsistent")
            }
            if let client = peer.client, connections[client] != .session(id) { broken.append("\(id) client not mapped") }
            if peer.client == nil, matchQueue.contains(id) { broken.append("\(id) away but queued") }
            if resumeIndex[peer.token.selector] != id { broken.append("\(id) token not indexed") }
        }
        for (roomID, room) in rooms {
            for peer in room.members.keys where peers[peer]?.rooms.contains(roomID) != true {
                broken.append("\(roomID) has member \(peer) who does not list it")
            }
            if room.kind == .pair, room.members.count > 2 { broken.append("\(roomID) pair room too big") }
            if room.origin == .open, room.members.isEmpty { broken.append("\(roomID) empty open room kept") }
        }
        for peer in matchQueue.waiters.keys where peers[peer]?.pairRoom != nil { broken.append("\(peer) queued while paired") }
        return broken
    }
}

@Suite("Reducer fuzzing")
struct LobbyFuzzTests {
    @Test("random sessions never break invariants, never send invalid JSON, and seqs only rise", arguments: [1, 2, 3] as [UInt64])
    func fuzz(seed: UInt64) {
        var config = ChatConfiguration()
        config.standingRooms = [StandingRoom(id: RoomID("lobby"), title: "L", capacity: 5),
                                StandingRoom(id: RoomID("pledge"), title: "P", agreement: "Kind")]
        config.openRooms = true
        config.topicPatienceMilliseconds = seed == 2 ? 5000 : 0
        config.historyCapacity = 20
        config.transcriptCapacity = 50
        if seed == 3, let setup = try? ReflectionFixture.configuration().reflection { config.reflection = setup }
        var chat = ChatHarness(config, staff: FixedStaff(members: ["f": StaffMember(name: "F", role: .facilitator),
                                                                   "a": StaffMember(name: "A", role: .admin)]))
        var rng = SeededGenerator(seed: seed)
        var clients: [ClientID] = []
        var lastSeq: [ClientID: [String: Int]] = [:]
        var seen: Set<String> = []
        for step in 0..<6000 {
            if clients.count < 8 || Int.random(in: 0..<40, using: &rng) == 0 { clients.append(chat.connect()) }
            let client = clients.randomElement(using: &rng) ?? ClientID(0)
            switch Int.random(in: 0..<30, using: &rng) {
            case 0: chat.disconnect(client); clients.removeAll { $0 == client }
            case 1: chat.advance(milliseconds: UInt64.random(in: 0...150_000, using: &rng))
            default: chat.send(client, Self.randomMessage(&rng, chat: chat))
            }
            let broken = chat.lobby.brokenInvariants()
            #expect(broken.isEmpty, "step \(step): \(broken)")
            if !broken.isEmpty { return }
            for case .send(let message, let recipients) in chat.lastEffects {
                guard let object = try? JSONValue(parsing: message.bytes).objectValue, object.string("type") != nil else {
                    Issue.record("invalid payload \(message.text)")
                    return
                }
                seen.insert(object.string("type") ?? "")
                for recipient in recipients {
                    let room = object.string("room") ?? ""
                    switch object.string("type") {
                    case "joined": lastSeq[recipient, default: [:]][room] = object.int("seq") ?? 0
                    case "message":
                        let seq = object.int("seq") ?? 0
                        #expect(seq > lastSeq[recipient]?[room] ?? 0, "seq went back in \(room)")
                        lastSeq[recipient, default: [:]][room] = seq
                    default: break
                    }
                }
            }
            chat.inbox = [:]
            // A room that is gone may come back under the same id (open rooms) and count from 1 again;
            // an admin who announces there without joining never gets a `joined` to mark the restart.
            for (client, seqs) in lastSeq { lastSeq[client] = seqs.filter { chat.lobby.rooms[RoomID($0.key)] != nil } }
        }
        let expected: Set = ["welcome", "joined", "message", "history", "closed", "presence", "moderation", "queued", "error"]
        #expect(expected.isSubset(of: seen), "never saw \(expected.subtracting(seen))")
    }

    static func randomMessage(_ rng: inout SeededGenerator, chat: ChatHarness) -> String {
        // Sorted: dictionary order changes per process, and a seed must replay the same scenario every run.
        let peers = chat.lobby.peers.keys.map(\.rawValue).sorted() + ["p_nobody"]
        let rooms = chat.lobby.rooms.keys.map(\.rawValue).sorted() + ["lobby", "open-1", "r_fake", "bad id"]
        let tokens = chat.lobby.peers.values.map(\.token.wire).sorted() + ["junk"]
        let peer = peers.randomElement(using: &rng) ?? ""
        let room = rooms.randomElement(using: &rng) ?? ""
        let number = Int.random(in: -2...30, using: &rng)
        let text = ["hi", "  ", "", String(repeating: "x", count: 4001), "ok \\n there", "\\ud800", "what's wrong with you?",
                    "I want to die"].randomElement(using: &rng) ?? ""
        let templates = [
            #"{"type":"hello","name":"N\#(number)"}"#, #"{"type":"hello","name":"N","resume":"\#(tokens.randomElement(using: &rng) ?? "")"}"#,
            #"{"type":"hello","auth":"\#(["f", "a", "x"].randomElement(using: &rng) ?? "")"}"#,
            #"{"type":"match","topics":["\#(["a", "b", "c"].randomElement(using: &rng) ?? "")"]}"#, #"{"type":"match"}"#,
            #"{"type":"unmatch"}"#, #"{"type":"rooms"}"#, #"{"type":"join","room":"\#(room)","agree":\#(Bool.random(using: &rng))}"#,
            #"{"type":"leave","room":"\#(room)"}"#, #"{"type":"say","room":"\#(room)","text":"\#(text)","ref":"r"}"#,
            #"{"type":"history","room":"\#(room)","after":\#(number),"limit":\#(number)}"#, #"{"type":"typing","room":"\#(room)"}"#,
            #"{"type":"block","peer":"\#(peer)"}"#, #"{"type":"report","room":"\#(room)","seq":\#(number),"reason":"r"}"#,
            #"{"type":"consent","room":"\#(room)","transcript":true}"#, #"{"type":"agree","room":"\#(room)"}"#,
            #"{"type":"create_room","title":"T","capacity":\#(number)}"#, #"{"type":"mute","room":"\#(room)","peer":"\#(peer)","minutes":1}"#,
            #"{"type":"remove","room":"\#(room)","peer":"\#(peer)"}"#, #"{"type":"ban","room":"\#(room)","peer":"\#(peer)"}"#,
            #"{"type":"delete","room":"\#(room)","seq":\#(number)}"#, #"{"type":"close_room","room":"\#(room)"}"#,
            #"{"type":"lock","room":"\#(room)"}"#, #"{"type":"slow","room":"\#(room)","seconds":\#(number)}"#,
            #"{"type":"announce","room":"\#(room)","text":"\#(text)"}"#, #"{"type":"set_agreement","room":"\#(room)","agreement":"\#(text)"}"#,
            #"{"type":"reflect","text":"\#(text)"}"#, "{not json", #"{"type":"nope"}"#,
            #"{"type":"consent","room":"\#(room)","transcript":false}"#, #"{"type":"leaving","room":"\#(room)"}"#,
            #"{"type":"prompts","room":"\#(room)","enabled":\#(Bool.random(using: &rng)),"for":"\#(["me", "room"].randomElement(using: &rng) ?? "")"}"#,
            #"{"type":"resolve_report","report":"rep_\#(number)","outcome":"ok"}"#,
        ]
        return templates.randomElement(using: &rng) ?? "{}"
    }
}
