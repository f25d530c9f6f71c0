/// One message from a client (protocol §3–10), decoded and type-checked but not yet judged by the
/// chat's rules (names, limits, membership): those refusals belong to the ``Lobby``.
public enum ClientMessage: Sendable, Equatable {
    /// Opens a session, or resumes one with `resume`; `auth` is a staff token.
    case hello(name: String?, resume: String?, auth: String?)
    /// Asks to be paired with another peer, preferring shared topics.
    case match(topics: [String])
    /// Stops waiting to be matched.
    case unmatch
    /// Lists the group rooms one may join.
    case rooms
    /// Enters a group room; `agree` accepts its agreement.
    case join(room: RoomID, agree: Bool)
    /// Leaves a room (a pair room then closes for the other person).
    case leave(room: RoomID)
    /// Sends a message to a room.
    case say(room: RoomID, text: String)
    /// Fetches recent messages with `seq > after`, at most `limit`.
    case history(room: RoomID, after: Int, limit: Int?)
    /// Tells the others this person is typing.
    case typing(room: RoomID)
    /// Stops all contact with another peer.
    case block(peer: PeerID)
    /// Flags one message for staff review.
    case report(room: RoomID, seq: Int, reason: String)
    /// Closes a report (facilitators).
    case resolveReport(report: ReportID, outcome: String)
    /// Creates a facilitated group room (facilitators and admins).
    case createRoom(title: String, agreement: String?, capacity: Int?, topics: [String])
    /// A facilitator's action on a room (protocol §9).
    case moderate(room: RoomID, action: ModerationAction)
    /// Accepts a room's (new) agreement.
    case agree(room: RoomID)
    /// Sets this person's transcript consent for a room.
    case consent(room: RoomID, transcript: Bool)
    /// Asks for private reflection on a draft before sending it.
    case reflect(text: String, room: RoomID?)
    /// Extension: the person is moving to leave (the client's leave dialog opened), so a pair room
    /// may hear a closing prompt. Never required.
    case leaving(room: RoomID)
    /// Extension: turns room prompts on or off, for oneself or (``PromptScope/room``) the whole room.
    case prompts(room: RoomID, enabled: Bool, scope: PromptScope)
}

/// Whom a `prompts` setting is for (the `for` field).
public enum PromptScope: String, Sendable, Equatable {
    /// Only the sender: no private nudges, and room prompts skip them.
    case me
    /// Everyone in the room (a facilitator's choice in a group room; either person's in a pair room).
    case room
}

/// A facilitator's action on a room (protocol §9); the wire `type` is ``wireName``.
public enum ModerationAction: Sendable, Equatable {
    /// Stops a member's messages for a while.
    case mute(peer: PeerID, minutes: Int)
    /// Ends a mute early.
    case unmute(peer: PeerID)
    /// Takes a member out of the room.
    case remove(peer: PeerID)
    /// Removes a person and keeps them out.
    case ban(peer: PeerID)
    /// Lets a banned person join again.
    case unban(peer: PeerID)
    /// Hides one message from history.
    case delete(seq: Int)
    /// Refuses new members.
    case lock
    /// Accepts new members again.
    case unlock
    /// Spaces each member's messages by this many seconds (0 ends slow mode).
    case slow(seconds: Int)
    /// Ends the room for everyone.
    case closeRoom
    /// A message from the facilitator marked as an announcement.
    case announce(text: String)
    /// Changes the agreement; members must `agree` before their next message.
    case setAgreement(String)

    /// The message type that asks for this action, and the `action` field that reports it.
    public var wireName: String {
        switch self {
        case .mute: return "mute"
        case .unmute: return "unmute"
        case .remove: return "remove"
        case .ban: return "ban"
        case .unban: return "unban"
        case .delete: return "delete"
        case .lock: return "lock"
        case .unlock: return "unlock"
        case .slow: return "slow"
        case .closeRoom: return "close_room"
        case .announce: return "announce"
        case .setAgreement: return "set_agreement"
        }
    }

    /// The peer the action is about, when there is one.
    public var targetPeer: PeerID? {
        switch self {
        case .mute(let peer, _), .unmute(let peer), .remove(let peer), .ban(let peer), .unban(let peer): return peer
        default: return nil
        }
    }
}

/// A decoded client message with its envelope: the `ref` every direct answer echoes.
public struct ClientRequest: Sendable, Equatable {
    /// The client's correlation string (at most 64 characters), if it sent one.
    public var ref: String?
    /// What the client asked for.
    public var message: ClientMessage

    /// A request from its parts (tests and the glue's own messages).
    public init(ref: String? = nil, _ message: ClientMessage) {
        self.ref = ref
        self.message = message
    }
}
