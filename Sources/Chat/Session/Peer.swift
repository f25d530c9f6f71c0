/// One person's session, which outlives a connection by the grace period.
struct Peer: Sendable {
    let id: PeerID
    var name: String
    let role: PeerRole
    /// The live connection; nil while away.
    var client: ClientID?
    /// The current resume token (replaced on every welcome).
    var token: ResumeToken
    /// When the connection dropped (monotonic ms); nil while connected. Also tells a stale grace
    /// deadline from the current one.
    var awaySince: UInt64?
    /// Rooms in join order.
    var rooms: [RoomID] = []
    /// The one pair room this peer may have.
    var pairRoom: RoomID?
    /// The topics of this peer's latest `match` (a new pair room shows the ones both named).
    var matchTopics: [String] = []
    /// Peers this one blocked: never matched with them, never shown their messages.
    var blocked: Set<PeerID> = []
    var bucket: TokenBucket
    /// What happened while this peer was away and cannot be fetched with `history`, told right after
    /// the resume's `welcome`: rooms that closed (otherwise a resumed client would only notice by the
    /// missing `joined`) and transcript receipts.
    var missedMessages: [ServerMessage] = []
    var lastTypingAt: UInt64?

    init(id: PeerID, name: String, role: PeerRole, client: ClientID, token: ResumeToken, bucket: TokenBucket) {
        self.id = id
        self.name = name
        self.role = role
        self.client = client
        self.token = token
        self.bucket = bucket
    }

    /// True when either of the two blocked the other.
    func isBlocked(with other: Peer) -> Bool {
        blocked.contains(other.id) || other.blocked.contains(id)
    }
}
