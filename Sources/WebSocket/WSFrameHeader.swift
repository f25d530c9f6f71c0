//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-------+-+-------------+-------------------------------+
// |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
// |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
// |N|V|V|V|       |S|             |   (if payload len==126/127)   |
// | |1|2|3|       |K|             |                               |
// +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
// |     Extended payload length continued, if payload len == 127  |
// + - - - - - - - - - - - - - - - +-------------------------------+
// |                               |Masking-key, if MASK set to 1  |
// +-------------------------------+-------------------------------+
// | Masking-key (continued)       |          Payload Data         |
// +-------------------------------- - - - - - - - - - - - - - - - +
//                          (RFC 6455 §5.2)

/// The fixed part of one client frame, decoded once all of it (2 to 14 bytes) has arrived.
struct WSFrameHeader: Sendable, Equatable {
    var fin: Bool
    var opcode: WSOpcode
    var payloadLength: UInt64
    /// The masking key, first wire byte in the low eight bits (the form `WSMasking.apply` takes).
    var maskKey: UInt32
    /// Bytes the header occupies before the payload: 6, 8 or 14 for masked frames.
    var length: Int
}

extension WSMessageReader {
    /// Decodes the header at the front of `bytes`, or `nil` while it is incomplete.
    ///
    /// Every rule is checked as soon as the byte it depends on is present, in byte order, so a broken
    /// frame fails without waiting for the rest and the error is the same however the input was split.
    func parseHeader(_ bytes: UnsafeRawBufferPointer) throws(WSProtocolError) -> WSFrameHeader? {
        guard bytes.count >= 1 else { return nil }
        let first = bytes[0]
        // RFC 6455 §5.2: no extension is negotiated, so RSV1–3 must be clear.
        guard first & 0x70 == 0 else { throw .reservedBitsSet }
        guard let opcode = WSOpcode(wire: first) else { throw .reservedOpcode }
        let fin = first & 0x80 != 0
        try checkSequence(opcode: opcode, fin: fin)

        guard bytes.count >= 2 else { return nil }
        let second = bytes[1]
        // RFC 6455 §5.1: a server must close on any unmasked client frame.
        guard second & 0x80 != 0 else { throw .unmaskedClientFrame }
        let shortLength = second & 0x7F
        // RFC 6455 §5.5: control frames carry at most 125 bytes, so never an extended length.
        if opcode.isControl && shortLength > 125 { throw .controlPayloadTooLong }

        let extendedBytes = shortLength == 127 ? 8 : shortLength == 126 ? 2 : 0
        guard bytes.count >= 2 + extendedBytes else { return nil }
        var payloadLength = UInt64(shortLength)
        if extendedBytes > 0 {
            payloadLength = 0
            for index in 2..<(2 + extendedBytes) { payloadLength = payloadLength << 8 | UInt64(bytes[index]) }
        }
        // RFC 6455 §5.2: the most significant bit of a 64-bit length must be 0.
        if extendedBytes == 8 && payloadLength >> 63 != 0 { throw .invalidPayloadLength }
        // Refuse an oversized message before reading (or buffering) any of its payload.
        if !opcode.isControl && payloadLength > UInt64(maxMessageBytes - assembledCount) {
            throw .messageTooLarge(limit: maxMessageBytes)
        }

        let keyStart = 2 + extendedBytes
        guard bytes.count >= keyStart + 4 else { return nil }
        let key = WSMasking.key(bytes[keyStart], bytes[keyStart + 1], bytes[keyStart + 2], bytes[keyStart + 3])
        return WSFrameHeader(fin: fin, opcode: opcode, payloadLength: payloadLength, maskKey: key, length: keyStart + 4)
    }
}
