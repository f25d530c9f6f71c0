/// What a person is across the whole service (`welcome.role`). Staff roles come from `hello.auth`.
public enum PeerRole: String, Sendable, Equatable, CaseIterable {
    /// Anyone who said hello without staff credentials.
    case peer
    /// Staff who create and moderate group rooms.
    case facilitator
    /// Staff who review transcripts shared with consent.
    case worker
    /// Staff who may do everything, in every room.
    case admin

    /// Staff who may create and moderate group rooms.
    public var canFacilitate: Bool { self == .facilitator || self == .admin }
}

/// What a person is inside one room (`joined.you.role`, `message.role`).
public enum RoomRole: String, Sendable, Equatable {
    /// Takes part as an equal.
    case member
    /// Holds the room: may moderate it.
    case facilitator
}

/// How present a member is, as told to the others (`presence.state`).
public enum PresenceState: String, Sendable, Equatable {
    /// Came into the room.
    case joined
    /// Left the room (or was gone past the grace period).
    case left
    /// Lost their connection; may come back within the grace period.
    case away
    /// Came back within the grace period.
    case back
}

/// Whether a room is a one-to-one pair room or a group room.
public enum RoomKind: String, Sendable, Equatable {
    /// Two matched peers.
    case pair
    /// A standing, facilitated or open room.
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
