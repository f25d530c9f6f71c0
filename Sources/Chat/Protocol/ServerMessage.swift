import Reflection

/// One message from the server (protocol §2–10). `ref` is not part of these: a direct answer gets
/// it through ``EncodedMessage/addingRef(_:)`` so broadcasts can be encoded once.
public enum ServerMessage: Sendable, Equatable {
    /// The answer to `hello`.
    case welcome(Welcome)
    /// A refusal; `agreement` only with `agreement_required`.
    case error(ChatErrorCode, message: String, agreement: String? = nil)
    /// The answer to `match`: waiting, at this position.
    case queued(position: Int)
    /// The answer to `unmatch`.
    case unqueued
    /// The room's state, on entering it (join, pairing, resume).
    case joined(RoomSnapshot)
    /// The answer to `leave` (also sent to a blocker whose pair room closed).
    case left(room: RoomID)
    /// The room ended for this person.
    case closed(room: RoomID, reason: ClosedReason)
    /// Someone's coming, going, dropping out or coming back, told to the others.
    case presence(room: RoomID, peer: PeerID, name: String, state: PresenceState)
    /// A room message (the sender's copy gets `ref` added).
    case message(ChatMessage)
    /// The answer to `history`.
    case history(room: RoomID, entries: [ChatMessage], more: Bool)
    /// Someone is typing, told to the others.
    case typing(room: RoomID, peer: PeerID)
    /// The answer to `block`.
    case blocked(peer: PeerID)
    /// The answer to `rooms`.
    case rooms([RoomSummary])
    /// The answer to `create_room`, before its `joined`.
    case roomCreated(room: RoomID)
    /// A facilitator's action, told to every member.
    case moderation(ModerationNotice)
    /// A room's new agreement, told to every member after `set_agreement`.
    case agreement(room: RoomID, text: String)
    /// The answer to `agree` (an extension: the contract names no answer).
    case agreed(room: RoomID)
    /// Someone's transcript consent, told to every member.
    case consent(room: RoomID, peer: PeerID, transcript: Bool)
    /// The answer to `report`.
    case reported(report: ReportID)
    /// Something for facilitators to look at (`kind`: `report`, `crisis`).
    case alert(kind: String, room: RoomID, seq: Int, report: ReportID?)
    /// A report's outcome, to the reporter (and as the answer to `resolve_report`).
    case reportOutcome(report: ReportID, outcome: String)
    /// A stored transcript's receipt, to one consenting participant (protocol §8).
    case transcript(room: RoomID, transcript: TranscriptID, receipt: String, messages: Int)
    /// Private suggestions for the author (protocol §7): on a draft (no room or seq, answered with
    /// `ref`) or on a sent message (`room` and `seq`).
    case reflection(room: RoomID?, seq: Int?, suggestions: [Suggestion])
    /// Words of support and where to find help, to someone whose words sound like crisis.
    case support(room: RoomID?, SupportResources)
    /// A coach's prompt to the room, or privately (`private: true`) to one member.
    case prompt(room: RoomID, Prompt, private: Bool)
    /// Extension: a `prompts` setting changed (`by` is set for a room-wide change).
    case promptsSetting(room: RoomID, enabled: Bool, scope: PromptScope, by: PeerID?)
}
