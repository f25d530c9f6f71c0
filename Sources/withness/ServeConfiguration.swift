import Chat
import Server

/// Everything `withness serve` was told: the engine's configuration plus the chat's own settings, which the
/// chat service reads when it is wired in (`ServeWiring.swift`).
struct ServeConfiguration: Sendable {
    /// A standing group room from `--room ID:TITLE`.
    struct StandingRoom: Sendable, Equatable {
        var id: String
        var title: String
    }

    var engine: ServerConfiguration
    var dataDirectory: String
    var rooms: [StandingRoom]
    /// `--open-rooms`: joining an unknown valid room id creates a peer-led room (protocol §5).
    var openRooms: Bool
    /// Messages per second per peer (burst twice that); 0 turns the limit off (protocol §6).
    var rateLimit: Int

    /// The chat domain's settings from these flags.
    /// The reflection engine and its settings (`--rules`, `--support-resources`, `--no-room-prompts`).
    var reflection: ReflectionMode = .off

    var chat: ChatConfiguration {
        var chat = ChatConfiguration()
        chat.reflection = reflection
        chat.standingRooms = rooms.map { Chat.StandingRoom(id: RoomID($0.id), title: $0.title) }
        chat.openRooms = openRooms
        chat.ratePerSecond = rateLimit
        chat.rateBurst = rateLimit * 2
        chat.openRoomCapacity = nil
        return chat
    }

    /// Parses `ID:TITLE`; the id is letters, digits, `-`, `_`, at most 64 (protocol §5); the title is not empty.
    static func parseRoom(_ text: String) -> StandingRoom? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let id = String(text[..<colon])
        let title = String(text[text.index(after: colon)...])
        guard !id.isEmpty, id.utf8.count <= 64, !title.isEmpty,
              id.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" })
        else { return nil }
        return StandingRoom(id: id, title: title)
    }
}
