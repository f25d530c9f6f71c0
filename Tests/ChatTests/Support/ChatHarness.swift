import TestSupport
import Testing
@testable import Chat

/// Drives a ``Lobby`` like the glue would, with a manual clock and a seeded generator, and files
/// every sent message into per-client inboxes as parsed JSON.
struct ChatHarness {
    var lobby: Lobby
    var rng = SeededGenerator(seed: 7)
    /// Monotonic milliseconds; wall time is a fixed offset from it.
    var clock: UInt64 = 10_000
    let wallOffset: Int64 = 1_795_435_200_000
    var inbox: [ClientID: [JSONObject]] = [:]
    var closed: [ClientID: ChatCloseReason] = [:]
    var allEffects: [ChatEffect] = []
    var lastEffects: [ChatEffect] = []
    private var nextClient: UInt64 = 1

    init(_ configuration: ChatConfiguration = ChatConfiguration(), staff: any StaffDirectory = NoStaffDirectory()) {
        lobby = Lobby(configuration: configuration, staff: staff)
    }

    var now: ChatTime { ChatTime(monotonic: clock, wall: wallOffset + Int64(clock)) }

    @discardableResult
    mutating func apply(_ input: ChatInput) -> [ChatEffect] {
        let effects = lobby.handle(input, now: now, rng: &rng)
        for effect in effects {
            switch effect {
            case .send(let message, let clients):
                let object = (try? JSONValue(parsing: message.bytes))?.objectValue
                for client in clients { inbox[client, default: []].append(object ?? JSONObject()) }
            case .close(let client, let reason):
                closed[client] = reason
            default:
                break
            }
        }
        lastEffects = effects
        allEffects += effects
        return effects
    }

    mutating func connect() -> ClientID {
        let client = ClientID(nextClient)
        nextClient += 1
        apply(.connected(client))
        return client
    }

    @discardableResult
    mutating func send(_ client: ClientID, _ json: String) -> [ChatEffect] {
        apply(.received(client, Array(json.utf8)))
    }

    mutating func disconnect(_ client: ClientID) { apply(.disconnected(client)) }

    mutating func advance(milliseconds: UInt64) {
        clock += milliseconds
        apply(.tick)
    }

    /// Connects and says hello; returns the client, peer id and resume token, with the inbox emptied.
    mutating func join(_ name: String) -> Session {
        let client = connect()
        send(client, #"{"type":"hello","name":"\#(name)"}"#)
        let welcome = take(client).first { $0.string("type") == "welcome" }
        return Session(client: client, peer: welcome?.string("peer") ?? "", token: welcome?.string("resume") ?? "")
    }

    /// Everything sent to `client` since the last take.
    mutating func take(_ client: ClientID) -> [JSONObject] {
        inbox.removeValue(forKey: client) ?? []
    }

    /// The types of everything sent to `client` since the last take.
    mutating func types(_ client: ClientID) -> [String] {
        take(client).map { $0.string("type") ?? "?" }
    }

    /// The single error code sent to `client` since the last take, if exactly one error came.
    mutating func errorCode(_ client: ClientID) -> String? {
        let errors = take(client).filter { $0.string("type") == "error" }
        return errors.count == 1 ? errors[0].string("code") : nil
    }

    /// Opens a pair room between two new peers with no topics.
    mutating func pair(_ a: String = "Ash", _ b: String = "Birch") -> (Session, Session, String) {
        let first = join(a)
        let second = join(b)
        send(first.client, #"{"type":"match"}"#)
        send(second.client, #"{"type":"match"}"#)
        let joined = take(first.client).first { $0.string("type") == "joined" }
        _ = take(second.client)
        return (first, second, joined?.string("room") ?? "")
    }
}

struct Session {
    let client: ClientID
    let peer: String
    let token: String
}

extension JSONObject {
    func string(_ key: String) -> String? { self[key]?.stringValue }
    func int(_ key: String) -> Int? { self[key]?.intValue }
    func bool(_ key: String) -> Bool? { self[key]?.boolValue }
    func array(_ key: String) -> [JSONValue] { self[key]?.arrayValue ?? [] }
    func has(_ key: String) -> Bool { self[key] != nil }
}

/// A directory with fixed tokens, for staff scenarios.
struct FixedStaff: StaffDirectory {
    let members: [String: StaffMember]
    func staffMember(forToken token: String) -> StaffMember? { members[token] }
}
