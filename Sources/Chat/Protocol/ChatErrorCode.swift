/// The `code` of an `error` message (protocol §2). Every refusal the chat makes is one of these.
public enum ChatErrorCode: String, Sendable, Equatable, CaseIterable {
    /// `bad_json` (see ``defaultMessage``).
    case badJSON = "bad_json"
    /// `unknown_type` (see ``defaultMessage``).
    case unknownType = "unknown_type"
    /// `bad_request` (see ``defaultMessage``).
    case badRequest = "bad_request"
    /// `not_ready` (see ``defaultMessage``).
    case notReady = "not_ready"
    /// `already_hello` (see ``defaultMessage``).
    case alreadyHello = "already_hello"
    /// `name_invalid` (see ``defaultMessage``).
    case nameInvalid = "name_invalid"
    /// `not_in_room` (see ``defaultMessage``).
    case notInRoom = "not_in_room"
    /// `no_such_room` (see ``defaultMessage``).
    case noSuchRoom = "no_such_room"
    /// `room_full` (see ``defaultMessage``).
    case roomFull = "room_full"
    /// `room_locked` (see ``defaultMessage``).
    case roomLocked = "room_locked"
    /// `banned` (see ``defaultMessage``).
    case banned
    /// `muted` (see ``defaultMessage``).
    case muted
    /// `agreement_required` (see ``defaultMessage``).
    case agreementRequired = "agreement_required"
    /// `forbidden` (see ``defaultMessage``).
    case forbidden
    /// `unauthorized` (see ``defaultMessage``).
    case unauthorized
    /// `rate_limited` (see ``defaultMessage``).
    case rateLimited = "rate_limited"
    /// `too_long` (see ``defaultMessage``).
    case tooLong = "too_long"
    /// `already_queued` (see ``defaultMessage``).
    case alreadyQueued = "already_queued"
    /// `not_queued` (see ``defaultMessage``).
    case notQueued = "not_queued"
    /// `already_paired` (see ``defaultMessage``).
    case alreadyPaired = "already_paired"
    /// `invalid_receipt` (see ``defaultMessage``).
    case invalidReceipt = "invalid_receipt"
    /// `server_busy` (see ``defaultMessage``).
    case serverBusy = "server_busy"

    /// A plain, kind default explanation, used when the refusal has nothing more specific to say.
    public var defaultMessage: String {
        switch self {
        case .badJSON: return "That message was not valid JSON."
        case .unknownType: return "That message type is not known."
        case .badRequest: return "That message is missing a field or has one of the wrong kind."
        case .notReady: return "Please say hello first."
        case .alreadyHello: return "You have already said hello on this connection."
        case .nameInvalid: return "Names are 1 to 32 characters, without control characters."
        case .notInRoom: return "You are not in that room."
        case .noSuchRoom: return "There is no room with that id."
        case .roomFull: return "That room is full right now."
        case .roomLocked: return "That room is locked right now."
        case .banned: return "You can't join that room."
        case .muted: return "You are muted in this room for now."
        case .agreementRequired: return "Please read and agree to the room's agreement first."
        case .forbidden: return "You can't do that here."
        case .unauthorized: return "That sign-in is not valid."
        case .rateLimited: return "You're sending messages quickly; please slow down a little."
        case .tooLong: return "That message is too long."
        case .alreadyQueued: return "You are already waiting to be matched."
        case .notQueued: return "You are not waiting to be matched."
        case .alreadyPaired: return "You already have a one-to-one conversation."
        case .invalidReceipt: return "That receipt is not valid."
        case .serverBusy: return "The server is busy; please try again soon."
        }
    }
}
