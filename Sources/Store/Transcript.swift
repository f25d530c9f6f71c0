/// Whether a transcript came from a one-to-one pair room or a group room (revocation differs, §8).
public enum TranscriptKind: String, Sendable, Equatable {
    /// Two people; either one revoking deletes the whole transcript.
    case pair
    /// A room of several; revoking redacts only the revoker's messages.
    case group
}

/// One message as kept in a transcript (protocol §6 `message` fields).
public struct TranscriptMessage: Sendable, Equatable {
    /// The room's sequence number.
    public var seq: Int
    /// The author's peer id (`p_…`).
    public var from: String
    /// The author's display name at the time.
    public var name: String
    /// The author's role in the room (`member`, `facilitator`).
    public var role: String
    /// What they wrote.
    public var text: String
    /// When it was sent.
    public var at: WallTime

    /// Wraps the message fields.
    public init(seq: Int, from: String, name: String, role: String, text: String, at: WallTime) {
        self.seq = seq
        self.from = from
        self.name = name
        self.role = role
        self.text = text
        self.at = at
    }
}

/// A transcript line: a message, or only its sequence number when its author did not consent or
/// withdrew (`{"seq":N,"redacted":true}`).
public enum TranscriptEntry: Sendable, Equatable {
    /// A kept message.
    case message(TranscriptMessage)
    /// A message whose author did not consent or withdrew: only its place remains.
    case redacted(seq: Int)

    /// The room sequence number of this line.
    public var seq: Int {
        switch self {
        case .message(let message): return message.seq
        case .redacted(let seq): return seq
        }
    }
}

/// Someone who was in the room when it ended, and whether they agreed to a transcript.
public struct TranscriptParticipant: Sendable, Equatable {
    /// Their peer id (empty after they withdrew from a group transcript).
    public var peer: String
    /// Their display name (empty after they withdrew).
    public var name: String
    /// Whether they consented when the room ended (false after they withdrew).
    public var consented: Bool

    /// Wraps the participant fields.
    public init(peer: String, name: String, consented: Bool) {
        self.peer = peer
        self.name = name
        self.consented = consented
    }
}

/// A whole transcript, decrypted.
public struct Transcript: Sendable, Equatable {
    /// `t_…`.
    public let id: String
    /// The room it came from.
    public let room: String
    /// Pair or group.
    public let kind: TranscriptKind
    /// When it was saved.
    public let created: WallTime
    /// When the retention sweeper deletes it.
    public let expires: WallTime
    /// Everyone in the room at the end.
    public let participants: [TranscriptParticipant]
    /// The lines, in sequence order.
    public let entries: [TranscriptEntry]
}

/// A transcript as listed for workers: no content, so listing writes nothing to the audit log.
public struct TranscriptSummary: Sendable, Equatable {
    /// `t_…`.
    public let id: String
    /// The room it came from.
    public let room: String
    /// Pair or group.
    public let kind: TranscriptKind
    /// How many lines it holds, redacted ones included.
    public let entryCount: Int
    /// When it was saved.
    public let created: WallTime
    /// When the retention sweeper deletes it.
    public let expires: WallTime
}
