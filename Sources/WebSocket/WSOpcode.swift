/// The frame types RFC 6455 §5.2 defines; every other opcode value is reserved and refused.
public enum WSOpcode: UInt8, Sendable {
    /// A later fragment of the message the last text or binary frame started.
    case continuation = 0x0
    /// The first (or only) frame of a UTF-8 text message.
    case text = 0x1
    /// The first (or only) frame of a binary message.
    case binary = 0x2
    /// Starts or answers the close handshake.
    case close = 0x8
    /// Asks the peer to answer with a pong carrying the same payload.
    case ping = 0x9
    /// Answers a ping, or reports liveness unasked.
    case pong = 0xA

    /// The opcode carried in the low four bits of a frame's first byte, or `nil` for a reserved value.
    public init?(wire: UInt8) {
        self.init(rawValue: wire & 0x0F)
    }

    /// Control frames (close, ping, pong) have the high opcode bit set (RFC 6455 §5.5).
    public var isControl: Bool { rawValue & 0x8 != 0 }
}
