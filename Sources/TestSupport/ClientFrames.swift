import WebSocket

/// Masked client frames for tests, with a fixed key so fixtures stay readable and reproducible.
public enum ClientFrames {
    /// The masking key of RFC 6455 §5.7's examples.
    public static let rfcKey: (UInt8, UInt8, UInt8, UInt8) = (0x37, 0xFA, 0x21, 0x3D)

    /// One masked frame as a client sends it.
    public static func make(_ opcode: WSOpcode, _ payload: [UInt8], fin: Bool = true,
                            key: (UInt8, UInt8, UInt8, UInt8) = rfcKey) -> [UInt8] {
        WSFrameEncoder.encodeMasked(opcode: opcode, payload: payload, maskingKey: key, fin: fin)
    }

    /// A masked text frame carrying `text`.
    public static func make(text: String, fin: Bool = true) -> [UInt8] { make(.text, Array(text.utf8), fin: fin) }

    /// A masked frame with an arbitrary first byte (reserved bits or opcodes) and a short payload.
    public static func make(firstByte: UInt8, _ payload: [UInt8] = []) -> [UInt8] {
        var frame = make(.binary, payload)
        frame[0] = firstByte
        return frame
    }

    /// A close frame body: the code in network order followed by the reason bytes.
    public static func closePayload(_ code: UInt16, _ reason: [UInt8] = []) -> [UInt8] {
        [UInt8(code >> 8), UInt8(code & 0xFF)] + reason
    }
}
