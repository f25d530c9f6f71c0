/// A room that ended with a transcript due (protocol §8): exactly what may be stored, nothing more.
///
/// The ``Lobby`` applies the consent rule before it emits this, so the glue never sees words it may
/// not keep: a pair room yields one only when both people consent at that moment; a group room when
/// at least one participant consents, with everyone else's messages reduced to their `seq`. A room
/// that ends without consent emits no effect at all.
public struct RoomEnding: Sendable, Equatable {
    /// Someone whose messages the transcript keeps, and who gets a receipt for it.
    public struct Participant: Sendable, Equatable {
        /// Their id.
        public var peer: PeerID
        /// Their display name at the end (or when they left).
        public var name: String

        /// A participant with these fields.
        public init(peer: PeerID, name: String) {
            self.peer = peer
            self.name = name
        }
    }

    /// One line of the transcript, in `seq` order.
    public enum Line: Sendable, Equatable {
        /// A message by a consenting participant, as it was delivered.
        case message(ChatMessage)
        /// A message whose author did not consent: only its place is kept (`{"seq":N,"redacted":true}`).
        case redacted(seq: Int)
        /// A message a facilitator deleted: only its place is kept (stores without a separate
        /// marker may keep it as redacted).
        case deleted(seq: Int)

        /// The room's number for this line.
        public var seq: Int {
            switch self {
            case .message(let message): return message.seq
            case .redacted(let seq), .deleted(let seq): return seq
            }
        }
    }

    /// The room.
    public var room: RoomID
    /// Pair or group (revoking differs: a pair transcript is deleted, a group one redacted).
    public var kind: RoomKind
    /// The consenting participants only (people who did not consent are not named).
    public var participants: [Participant]
    /// The lines since the room began (or, for a standing room, since it last emptied), oldest first;
    /// at most ``ChatConfiguration/transcriptCapacity``, the most recent ones.
    public var lines: [Line]
    /// Wall-clock time of the ending, milliseconds since 1970.
    public var at: Int64
}

/// What the glue feeds back after storing a transcript: one receipt per consenting participant.
public struct TranscriptReceipts: Sendable, Equatable {
    /// One participant's secret, to read and revoke the transcript (protocol §8, §11).
    public struct Receipt: Sendable, Equatable {
        /// Who it is for.
        public var peer: PeerID
        /// The secret, sent once in a `transcript` event and never kept by the chat afterwards.
        public var receipt: String

        /// A receipt for `peer`.
        public init(peer: PeerID, receipt: String) {
            self.peer = peer
            self.receipt = receipt
        }
    }

    /// The room the transcript came from.
    public var room: RoomID
    /// The transcript's id (`t_…`).
    public var transcript: TranscriptID
    /// How many lines were stored (`messages` in the event).
    public var messages: Int
    /// The receipts, one per consenting participant.
    public var receipts: [Receipt]

    /// Receipts for a stored transcript.
    public init(room: RoomID, transcript: TranscriptID, messages: Int, receipts: [Receipt]) {
        self.room = room
        self.transcript = transcript
        self.messages = messages
        self.receipts = receipts
    }
}
