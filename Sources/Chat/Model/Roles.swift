/// What a person is across the whole service (`welcome.role`). Staff roles come from `hello.auth`.
public enum PeerRole: String, Sendable, Equatable, CaseIterable {
    case peer
    case facilitator
    case worker
    case admin

    /// Staff who may create and moderate group rooms.
    public var canFacilitate: Bool { self == .facilitator || self == .admin }
}

/// What a person is inside one room (`joined.you.role`, `message.role`).
public enum RoomRole: String, Sendable, Equatable {
    case member
    case facilitator
}

/// How present a member is, as told to the others (`presence.state`).
public enum PresenceState: String, Sendable, Equatable {
    case joined
    case left
    case away
    case back
}

/// Whether a room is a one-to-one pair room or a group room.
public enum RoomKind: String, Sendable, Equatable {
    case pair
    case group
}

/// Why a room ended for someone (`closed.reason`).
public enum ClosedReason: String, Sendable, Equatable {
    /// The other person in a pair room left, blocked, or was gone past the grace period.
    case peerLeft = "peer_left"
    /// A facilitator removed this person.
    case removed
    /// A facilitator or admin closed the room.
    case closedByFacilitator = "closed"
}
