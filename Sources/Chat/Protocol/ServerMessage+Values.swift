/// The answer to `hello` (protocol §3).
public struct Welcome: Sendable, Equatable {
    /// The person's id, the same across a resume.
    public var peer: PeerID
    /// Their display name (trimmed).
    public var name: String
    /// Peer, or their staff role.
    public var role: PeerRole
    /// The token for the next resume; a new one on every welcome, so an old token cannot be replayed.
    public var resume: String
    /// True when this hello took back an earlier session.
    public var resumed: Bool
    /// Longest `say` text, in characters (Unicode scalars).
    public var textLimit: Int
    /// Longest client message, in bytes.
    public var messageLimit: Int
}

/// One member as shown in `joined`.
public struct MemberSnapshot: Sendable, Equatable {
    /// Their id.
    public var peer: PeerID
    /// Their display name.
    public var name: String
    /// Member or facilitator, in this room.
    public var role: RoomRole
    /// Their transcript consent for this room.
    public var consent: Bool
    /// False while the member is disconnected within the grace period (`"away"`).
    public var here: Bool
}

/// A room's state as sent on entering it (`joined`, protocol §5).
public struct RoomSnapshot: Sendable, Equatable {
    /// The room.
    public var room: RoomID
    /// Pair or group.
    public var kind: RoomKind
    /// Its title (`null` for pair and open rooms).
    public var title: String?
    /// Its topics (for a pair room, the ones both people named).
    public var topics: [String]
    /// Its agreement, if it has one.
    public var agreement: String?
    /// Everyone in it, in the order they came.
    public var members: [MemberSnapshot]
    /// The room's last `seq` (0 before the first message).
    public var seq: Int
    /// The receiver's own role in the room.
    public var yourRole: RoomRole
}

/// One joinable room in the `rooms` list.
public struct RoomSummary: Sendable, Equatable {
    /// The room.
    public var room: RoomID
    /// Its title (`null` for open rooms).
    public var title: String?
    /// Its topics.
    public var topics: [String]
    /// How many people are in it.
    public var members: Int
    /// Nil when the room has no limit (encoded as `null`).
    public var capacity: Int?
    /// Whether it refuses new members now.
    public var locked: Bool
    /// Whether joining needs `agree: true`.
    public var hasAgreement: Bool
}

/// A room message as delivered and as kept for `history`.
public struct ChatMessage: Sendable, Equatable {
    /// Where it was said.
    public var room: RoomID
    /// Its number in the room: 1, 2, 3… with no gaps.
    public var seq: Int
    /// Who said it.
    public var from: PeerID
    /// Their display name at the time.
    public var name: String
    /// Their role in the room at the time.
    public var role: RoomRole
    /// The words, trimmed.
    public var text: String
    /// Wall-clock milliseconds since 1970 (encoded as ISO 8601).
    public var at: Int64
    /// A facilitator's `announce`.
    public var announcement: Bool = false
    /// Removed by a facilitator: encoded as `{"seq":N,"deleted":true}`.
    public var deleted: Bool = false
}

/// The broadcast that reports a facilitator's action (protocol §9).
public struct ModerationNotice: Sendable, Equatable {
    /// The room acted on.
    public var room: RoomID
    /// The action's wire name (`mute`, `lock`, …).
    public var action: String
    /// The person acted on, if any.
    public var peer: PeerID?
    /// The message acted on, for `delete`.
    public var seq: Int?
    /// The facilitator who acted.
    public var by: PeerID
    /// Wall-clock end of a mute, milliseconds since 1970.
    public var until: Int64?
    /// Slow mode's interval, for `slow`.
    public var seconds: Int?
}
