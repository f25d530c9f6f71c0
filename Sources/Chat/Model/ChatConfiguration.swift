/// Everything about the chat's behaviour that a deployment may choose (defaults follow the protocol).
public struct ChatConfiguration: Sendable {
    /// Group rooms that always exist (`--room id:"Title"`), listed in this order.
    public var standingRooms: [StandingRoom] = []
    /// When true, joining an unknown well-formed room id creates a peer-led room that disappears when empty.
    public var openRooms = false
    /// How long a disconnected peer keeps its id and rooms (protocol §3: 120 s).
    public var graceMilliseconds: UInt64 = 120_000
    /// Messages per second per peer; 0 turns rate limiting off (`--rate-limit`).
    public var ratePerSecond = 5
    /// Messages a peer may send at once before the rate applies.
    public var rateBurst = 10
    /// Flood control for everything but `say` (which has its own limit): messages per second per
    /// connection, malformed ones included; 0 turns it off. Past it: `rate_limited`.
    public var floodPerSecond = 50
    /// Messages a connection may send at once before ``floodPerSecond`` applies.
    public var floodBurst = 100
    /// Longest `say` text in characters (Unicode scalars) after trimming.
    public var textLimit = 4000
    /// Longest client message in bytes, enforced by the WebSocket layer and announced in `welcome`.
    public var messageLimit = 65_536
    /// Messages kept per room for `history` (at least 500 by the protocol).
    public var historyCapacity = 500
    /// Messages kept per room while anyone in it consents to a transcript, so the transcript is whole
    /// (a longer conversation keeps its most recent ones). Rooms without consent keep only ``historyCapacity``.
    public var transcriptCapacity = 20_000
    /// Largest `history` page; larger `limit`s are clamped.
    public var historyPageLimit = 100
    /// Minimum time between two `typing` notices from one peer; extras are dropped.
    public var typingIntervalMilliseconds: UInt64 = 2000
    /// How long a peer who named topics waits for someone sharing one before being matched with anyone.
    /// 0 (the default) pairs at once, preferring a shared topic among those already waiting.
    public var topicPatienceMilliseconds: UInt64 = 0
    /// At most this many topics per `match`, each at most ``maxTopicLength`` characters.
    public var maxTopics = 5
    /// Longest topic, in characters.
    public var maxTopicLength = 32
    /// Capacity of rooms created without one, and the largest a facilitator may ask for.
    public var defaultRoomCapacity = 20
    /// The largest capacity `create_room` accepts.
    public var maxRoomCapacity = 500
    /// Capacity of open (peer-led) rooms; nil for no limit.
    public var openRoomCapacity: Int? = 50
    /// Whether the chat reflects on drafts and messages and prompts rooms (protocol §7).
    public var reflection: ReflectionMode = .off

    /// The protocol defaults.
    public init() {}
}

/// A group room from configuration: open to everyone, never removed.
public struct StandingRoom: Sendable, Equatable {
    /// Its id, as configured (must be letters, digits, `-`, `_`).
    public var id: RoomID
    /// Its title as shown to people.
    public var title: String
    /// Topics shown in the room list.
    public var topics: [String]
    /// An agreement people must accept to join, if any.
    public var agreement: String?
    /// Member limit; nil for none.
    public var capacity: Int?

    /// A standing room; only the id and title are required.
    public init(id: RoomID, title: String, topics: [String] = [], agreement: String? = nil, capacity: Int? = nil) {
        self.id = id
        self.title = title
        self.topics = topics
        self.agreement = agreement
        self.capacity = capacity
    }
}

extension StandingRoom {
    /// Parses a command-line `--room` value, `id:Title` (quotes around the title are dropped).
    /// Nil when the id is not letters, digits, `-`, `_` (at most 64) or the title is empty.
    public init?(argument: String) {
        guard let colon = argument.firstIndex(of: ":") else { return nil }
        let id = RoomID(String(argument[..<colon]))
        var title = TextRules.trimmed(String(argument[argument.index(after: colon)...]))
        if title.count >= 2, title.first == "\"", title.last == "\"" { title = String(title.dropFirst().dropLast()) }
        guard id.isWellFormed, !title.isEmpty else { return nil }
        self.init(id: id, title: title)
    }
}
