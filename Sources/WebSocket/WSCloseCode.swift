/// A close status code (RFC 6455 §7.4), kept open-ended because peers may send registered and private codes.
public struct WSCloseCode: RawRepresentable, Hashable, Sendable {
    /// The code as sent in the first two bytes of a close payload (network order on the wire).
    public var rawValue: UInt16

    /// Any code, valid on the wire or not; check `isValidOnWire` before trusting a peer's.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// 1000: the purpose of the connection is fulfilled.
    public static let normalClosure = WSCloseCode(rawValue: 1000)
    /// 1001: the server is shutting down or the client went quiet for too long.
    public static let goingAway = WSCloseCode(rawValue: 1001)
    /// 1002: the peer broke the framing rules.
    public static let protocolError = WSCloseCode(rawValue: 1002)
    /// 1003: a kind of data this endpoint does not accept (binary for the chat).
    public static let unsupportedData = WSCloseCode(rawValue: 1003)
    /// 1007: a text message or close reason that is not valid UTF-8.
    public static let invalidPayload = WSCloseCode(rawValue: 1007)
    /// 1008: a policy was broken, e.g. a client reading too slowly.
    public static let policyViolation = WSCloseCode(rawValue: 1008)
    /// 1009: a message larger than the limit.
    public static let messageTooBig = WSCloseCode(rawValue: 1009)
    /// 1011: the server met a condition it could not handle.
    public static let internalError = WSCloseCode(rawValue: 1011)

    /// Whether a peer may send this code in a close frame (1000–1003, 1007–1011, 3000–4999).
    ///
    /// 1004–1006 and 1015 are reserved for local use and must never appear on the wire (RFC 6455 §7.4.1);
    /// 1012–1014 and 1016–2999 are not accepted either, so a malformed close is always answered with 1002.
    public var isValidOnWire: Bool {
        switch rawValue {
        case 1000...1003, 1007...1011, 3000...4999: true
        default: false
        }
    }
}
