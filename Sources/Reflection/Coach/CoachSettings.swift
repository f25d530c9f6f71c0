/// Whether a room is a one-to-one pair or a group; the coach opens pair rooms and watches mutuality in them.
public enum RoomKind: String, Sendable, Equatable, Codable {
    /// Two peers matched one-to-one.
    case pair
    /// A (usually facilitated) group room.
    case group
}

/// How often the coach may speak. Times are in milliseconds. The defaults lean towards silence: a prompt
/// nobody asked for is easy to resent.
public struct CoachSettings: Sendable, Equatable {
    /// How long a room must be quiet before a gentle prompt (default 3 minutes).
    public var silenceAfter: UInt64 = 180_000
    /// The least time between two prompts to a room.
    public var roomCooldown: UInt64 = 240_000
    /// The least time between two private nudges to one member.
    public var memberCooldown: UInt64 = 900_000
    /// After crisis language, room prompts (silence, closing) stay quiet this long.
    public var quietAfterCrisis: UInt64 = 1_800_000
    /// How many recent messages the mutuality check looks at.
    public var mutualityWindow = 10
    /// Messages older than this leave the mutuality window.
    public var mutualityWindowTime: UInt64 = 900_000
    /// The window must hold at least this many messages before anyone is nudged.
    public var mutualityMinimumMessages = 6
    /// Someone asking at least this many questions while nobody else asks any is nudged.
    public var questionThreshold = 4
    /// Someone giving advice or help in at least this many messages while nobody else does is nudged.
    public var givingThreshold = 3
    /// A closing prompt is offered only after at least this many messages.
    public var closingMinimumMessages = 4
    /// Whether group rooms get an opening prompt (facilitators usually open them).
    public var openingInGroups = false
    /// Whether group rooms get mutuality nudges (a group's balance is the facilitator's to hold).
    public var mutualityInGroups = false

    /// The default settings.
    public init() {}
}
