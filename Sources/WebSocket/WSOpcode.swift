/// The frame types RFC 6455 §5.2 defines; every other opcode value is reserved and refused.
public enum WSOpcode: UInt8, Sendable {
    case continuation = 0x0
    case text = 0x1
    case binary = 0x2
    case close = 0x8
    case ping = 0x9
    case pong = 0xA

    /// The opcode carried in the low four bits of a frame's first byte, or `nil` for a reserved value.
    public init?(wire: UInt8) {
        self.init(rawValue: wire & 0x0F)
    }

    /// Control frames (close, ping, pong) have the high opcode bit set (RFC 6455 §5.5).
    public var isControl: Bool { rawValue & 0x8 != 0 }
}
