/// The whole chat as one value: sessions, matching, rooms and messages. A reducer: the glue feeds it
/// inputs with the time and a random generator, and carries out the effects it returns. It does no
/// I/O, reads no clock and keeps no globals, so every scenario replays exactly in a test.
public struct Lobby: Sendable {
    /// How this deployment behaves.
    public let configuration: ChatConfiguration
    /// The engine and coach settings when reflection is on (taken out of ``configuration`` once).
    let reflection: ReflectionSetup?
    let staff: any StaffDirectory

    enum Connection: Sendable, Equatable {
        /// Connected, no `hello` yet.
        case greeting
        /// Said hello: this connection speaks for the peer.
        case session(PeerID)
    }

    /// A disconnected peer's deadline; stale once the peer came back (its `awaySince` changed).
    struct GraceEntry: Sendable {
        let peer: PeerID
        let awaySince: UInt64
        let deadline: UInt64
    }

    var connections: [ClientID: Connection] = [:]
    var peers: [PeerID: Peer] = [:]
    /// Resume-token selectors to their peer (see ``ResumeToken``).
    var resumeIndex: [String: PeerID] = [:]
    var rooms: [RoomID: Room] = [:]
    var matchQueue = MatchQueue()
    /// Grace deadlines in the order they fall (the grace period is constant, so appending keeps order).
    var graceLine = FIFO<GraceEntry>()
    var nextListOrder: UInt64 = 0
    var openReports: [ReportID: OpenReport] = [:]
    /// Flood-control buckets per connection, for messages other than `say`.
    var floodBuckets: [ClientID: TokenBucket] = [:]
    /// When rooms' coaches next have something to say (silence prompts); at most one live entry per room.
    var promptAlarms = DeadlineHeap<RoomID>()
    /// Effects of the input being handled; handed back and emptied by ``handle(_:now:rng:)``.
    var outbox: [ChatEffect] = []
    /// The time of the input being handled.
    var now = ChatTime(monotonic: 0, wall: 0)

    /// A chat with the configured standing rooms and nobody in it.
    public init(configuration: ChatConfiguration = ChatConfiguration(), staff: any StaffDirectory = NoStaffDirectory()) {
        self.configuration = configuration
        self.staff = staff
        if case .engine(let setup) = configuration.reflection { reflection = setup } else { reflection = nil }
        for standing in configuration.standingRooms where rooms[standing.id] == nil {
            rooms[standing.id] = Room(id: standing.id, origin: .standing, listOrder: nextListOrder, title: standing.title,
                                      topics: standing.topics, agreement: standing.agreement, capacity: standing.capacity,
                                      historyCapacity: configuration.historyCapacity)
            let coach = makeCoach(for: standing.id, kind: .group)
            rooms[standing.id]?.coach = coach
            nextListOrder += 1
        }
    }

    /// Applies one input at `now` and returns what the glue must do, in order.
    public mutating func handle(_ input: ChatInput, now: ChatTime, rng: inout some RandomNumberGenerator) -> [ChatEffect] {
        self.now = now
        switch input {
        case .connected(let client):
            if connections[client] != nil { disconnected(client) }  // a reused id: end the old session first
            connections[client] = .greeting
        case .received(let client, let bytes):
            received(bytes, from: client, rng: &rng)
        case .disconnected(let client):
            disconnected(client)
        case .tick:
            break
        case .transcriptStored(let receipts):
            transcriptStored(receipts)
        case .storedReportResolved(let outcome):
            storedReportResolved(outcome)
        case .reportResolvedOutside(let report, let reporter, let outcome):
            openReports[report] = nil
            send(.reportOutcome(report: report, outcome: outcome), toPeer: reporter)
        }
        passDeadlines(rng: &rng)
        var effects: [ChatEffect] = []
        effects.reserveCapacity(4)
        swap(&effects, &outbox)
        return effects
    }

    /// The earliest monotonic time at which a `.tick` has work to do, if any (arm a timer for it).
    public var nextDeadline: UInt64? {
        var earliest = graceLine.first?.deadline
        for candidate in [matchQueue.nextDeadline, promptAlarms.first?.deadline] {
            if let candidate, candidate < earliest ?? .max { earliest = candidate }
        }
        return earliest
    }

    /// People with a session, connected or within their grace period.
    public var peerCount: Int { peers.count }
    /// Connections open, with or without a session.
    public var connectionCount: Int { connections.count }
    /// Rooms that exist now, pair rooms included.
    public var roomCount: Int { rooms.count }
    /// People waiting to be matched.
    public var waitingCount: Int { matchQueue.count }
}
