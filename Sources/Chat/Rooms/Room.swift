import Reflection

/// A room: a pair room, a standing or created group room, or a peer-led open room.
struct Room: Sendable {
    /// Where the room came from, which decides how it ends.
    enum Origin: Sendable, Equatable {
        /// Made by matching; closes when either person leaves.
        case pair
        /// From configuration; never removed.
        case standing
        /// Made by a facilitator; removed by `close_room`.
        case created
        /// Made by joining an unknown id with open rooms on; removed when empty.
        case open
    }

    /// One member; `client` mirrors the peer's connection so a broadcast needs no peer lookups.
    struct Member: Sendable {
        let peer: PeerID
        var role: RoomRole
        var client: ClientID?
        let joinOrder: UInt64
        var consent = false
        /// Set after `set_agreement` until the member sends `agree`.
        var mustAgree = false
        /// True once this member blocked anyone: only then are their blocks checked per message.
        var blocksAnyone = false
    }

    let id: RoomID
    let origin: Origin
    /// Orders the room list: standing rooms first, in configuration order.
    let listOrder: UInt64
    var title: String?
    var topics: [String]
    var agreement: String?
    var capacity: Int?
    var locked = false
    var members: [PeerID: Member] = [:]
    var nextJoinOrder: UInt64 = 0
    var banned: Set<PeerID> = []
    /// Muted members and when their mute ends (monotonic ms).
    var mutedUntil: [PeerID: UInt64] = [:]
    /// Slow mode: minimum milliseconds between one member's messages (0: off).
    var slowMilliseconds: UInt64 = 0
    var lastSaidAt: [PeerID: UInt64] = [:]
    var lastSeq = 0
    /// The last `seq` of the previous ending (a standing room ends each time it empties).
    var endedThroughSeq = 0
    /// People who left since the last ending while consenting to a transcript, with their names then.
    /// Their messages stay in a group transcript; people who left without consent are simply forgotten.
    var consentingDeparted: [PeerID: String] = [:]
    var history: MessageRing
    /// The room's conversation coach (prompts and nudges); nil when prompts are off for the deployment.
    var coach: ConversationCoach?
    /// The deadline of this room's live entry in the lobby's prompt alarms, if it has one.
    var promptAlarm: UInt64?

    init(id: RoomID, origin: Origin, listOrder: UInt64, title: String?, topics: [String],
         agreement: String?, capacity: Int?, historyCapacity: Int) {
        self.id = id
        self.origin = origin
        self.listOrder = listOrder
        self.title = title
        self.topics = topics
        self.agreement = agreement
        self.capacity = capacity
        history = MessageRing(capacity: historyCapacity)
    }

    var kind: RoomKind { origin == .pair ? .pair : .group }

    /// Members in the order they joined.
    var orderedMembers: [Member] { members.values.sorted { $0.joinOrder < $1.joinOrder } }

    /// True while anyone here, or anyone who left consenting, wants a transcript: only then does the
    /// room keep more than its usual history.
    var anyoneConsents: Bool {
        !consentingDeparted.isEmpty || members.values.contains { $0.consent }
    }

    /// Adds a member at the end of the join order.
    mutating func add(_ peer: PeerID, role: RoomRole, client: ClientID?, blocksAnyone: Bool) {
        members[peer] = Member(peer: peer, role: role, client: client, joinOrder: nextJoinOrder, blocksAnyone: blocksAnyone)
        nextJoinOrder += 1
    }

    /// Numbers a message with the next `seq`, keeps it for history, and returns the number.
    mutating func record(_ message: ChatMessage) -> Int {
        lastSeq += 1
        var numbered = message
        numbered.seq = lastSeq
        history.append(numbered)
        return lastSeq
    }

    /// Tells the coach about a delivered message. Returns its prompts (nudges) and, when the room
    /// has no alarm yet, the time to set one for (see ``claimPromptAlarm(now:)``).
    mutating func coachMessage(by peer: PeerID, analysis: ReflectionResult, now: UInt64) -> (prompts: [PromptEffect], alarm: UInt64?) {
        guard coach != nil else { return ([], nil) }
        let prompts = coach?.messageSent(by: peer.rawValue, analysis: analysis, now: now) ?? []
        return (prompts, claimPromptAlarm(now: now))
    }

    /// When the coach has a deadline and the room no alarm, records one (never earlier than `now + 1`,
    /// so a due alarm cannot fire twice in one pass) and returns it for the lobby's heap.
    mutating func claimPromptAlarm(now: UInt64) -> UInt64? {
        guard promptAlarm == nil, let deadline = coach?.nextDeadline else { return nil }
        let alarm = max(deadline, now &+ 1)
        promptAlarm = alarm
        return alarm
    }

    /// Connected members' clients, except `excluded`, leaving out members who blocked `author`.
    func recipients(except excluded: PeerID?, hidingFrom author: PeerID?, peers: [PeerID: Peer]) -> [ClientID] {
        var clients: [ClientID] = []
        clients.reserveCapacity(members.count)
        for member in members.values {
            guard member.peer != excluded, let client = member.client else { continue }
            if member.blocksAnyone, let author, peers[member.peer]?.blocked.contains(author) == true { continue }
            clients.append(client)
        }
        return clients
    }
}
