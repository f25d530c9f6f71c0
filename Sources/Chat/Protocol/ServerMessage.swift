/// One message from the server (protocol §2–10). `ref` is not part of these: a direct answer gets
/// it through ``EncodedMessage/addingRef(_:)`` so broadcasts can be encoded once.
public enum ServerMessage: Sendable, Equatable {
    case welcome(Welcome)
    case error(ChatErrorCode, message: String, agreement: String? = nil)
    case queued(position: Int)
    case unqueued
    case joined(RoomSnapshot)
    case left(room: RoomID)
    case closed(room: RoomID, reason: ClosedReason)
    case presence(room: RoomID, peer: PeerID, name: String, state: PresenceState)
    case message(ChatMessage)
    case history(room: RoomID, entries: [ChatMessage], more: Bool)
    case typing(room: RoomID, peer: PeerID)
    case blocked(peer: PeerID)
    case rooms([RoomSummary])
    case roomCreated(room: RoomID)
    case moderation(ModerationNotice)
    case agreement(room: RoomID, text: String)
    case agreed(room: RoomID)
    case consent(room: RoomID, peer: PeerID, transcript: Bool)
    case reported(report: ReportID)
    case alert(kind: String, room: RoomID, seq: Int, report: ReportID?)
    case reportOutcome(report: ReportID, outcome: String)
    /// Private suggestions for the author (protocol §7). `suggestions` is an encoded JSON array, so
    /// the reflection engine's own encoder can fill it without the chat knowing its types.
    case reflection(room: RoomID?, seq: Int?, suggestions: [UInt8])

    /// An empty suggestion list, `[]`.
    public static let noSuggestions: [UInt8] = Array("[]".utf8)
}

/// The answer to `hello` (protocol §3).
public struct Welcome: Sendable, Equatable {
    public var peer: PeerID
    public var name: String
    public var role: PeerRole
    /// The token for the next resume; a new one on every welcome, so an old token cannot be replayed.
    public var resume: String
    public var resumed: Bool
    /// Longest `say` text, in characters (Unicode scalars).
    public var textLimit: Int
    /// Longest client message, in bytes.
    public var messageLimit: Int
}

/// One member as shown in `joined`.
public struct MemberSnapshot: Sendable, Equatable {
    public var peer: PeerID
    public var name: String
    public var role: RoomRole
    public var consent: Bool
    /// False while the member is disconnected within the grace period (`"away"`).
    public var here: Bool
}

/// A room's state as sent on entering it (`joined`, protocol §5).
public struct RoomSnapshot: Sendable, Equatable {
    public var room: RoomID
    public var kind: RoomKind
    public var title: String?
    public var topics: [String]
    public var agreement: String?
    public var members: [MemberSnapshot]
    /// The room's last `seq` (0 before the first message).
    public var seq: Int
    public var yourRole: RoomRole
}

/// One joinable room in the `rooms` list.
public struct RoomSummary: Sendable, Equatable {
    public var room: RoomID
    public var title: String?
    public var topics: [String]
    public var members: Int
    /// Nil when the room has no limit (encoded as `null`).
    public var capacity: Int?
    public var locked: Bool
    public var hasAgreement: Bool
}

/// A room message as delivered and as kept for `history`.
public struct ChatMessage: Sendable, Equatable {
    public var room: RoomID
    public var seq: Int
    public var from: PeerID
    public var name: String
    public var role: RoomRole
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
    public var room: RoomID
    public var action: String
    public var peer: PeerID?
    public var seq: Int?
    public var by: PeerID
    /// Wall-clock end of a mute, milliseconds since 1970.
    public var until: Int64?
    /// Slow mode's interval, for `slow`.
    public var seconds: Int?
}
