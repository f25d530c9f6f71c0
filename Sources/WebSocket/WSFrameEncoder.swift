/// Server-to-client frames (unmasked, FIN set), and masked client frames for tests and tools.
///
/// Server frames carry no mask (RFC 6455 §5.1), so one encoded frame can be shared by every
/// recipient of a broadcast. Each function makes exactly one allocation, sized up front.
public enum WSFrameEncoder {
    /// A complete unmasked frame with FIN set.
    public static func encode(opcode: WSOpcode, payload: [UInt8]) -> [UInt8] {
        let headerLength = headerLength(payloadLength: payload.count)
        return [UInt8](unsafeUninitializedCapacity: headerLength + payload.count) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            _ = writeHeader(opcode: opcode, payloadLength: payload.count, into: raw)
            payload.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(rebasing: raw[headerLength...]).copyMemory(from: source)
            }
            initialized = headerLength + payload.count
        }
    }

    /// A text frame; `utf8` must already be valid UTF-8 (the JSON encoder's output is).
    public static func text(_ utf8: [UInt8]) -> [UInt8] { encode(opcode: .text, payload: utf8) }

    /// A close frame with `code` and a reason cut to fit the 125-byte control limit at a character boundary.
    public static func close(_ code: WSCloseCode, reason: String = "") -> [UInt8] {
        var payload: [UInt8] = [UInt8(truncatingIfNeeded: code.rawValue >> 8), UInt8(truncatingIfNeeded: code.rawValue)]
        for scalar in reason.unicodeScalars {
            if payload.count + UTF8.width(scalar) > 125 { break }
            UTF8.encode(scalar) { payload.append($0) }
        }
        return encode(opcode: .close, payload: payload)
    }

    /// Bytes needed for the header of a payload of `length` (2, 4 or 10), so a caller can encode a frame
    /// directly into one allocation.
    public static func headerLength(payloadLength: Int) -> Int {
        payloadLength < 126 ? 2 : payloadLength <= 0xFFFF ? 4 : 10
    }

    /// Writes an unmasked FIN header for `payloadLength` at the front of `into` (which must hold
    /// `headerLength(payloadLength:)` bytes) and returns the bytes written.
    public static func writeHeader(opcode: WSOpcode, payloadLength: Int, into: UnsafeMutableRawBufferPointer) -> Int {
        writeHeader(opcode: opcode, payloadLength: payloadLength, fin: true, masked: false, into: into)
    }

    /// A masked frame as a client sends it, for tests, tools and the fuzzer's seeds.
    public static func encodeMasked(opcode: WSOpcode, payload: [UInt8], maskingKey: (UInt8, UInt8, UInt8, UInt8),
                                    fin: Bool = true) -> [UInt8] {
        let headerLength = headerLength(payloadLength: payload.count) + 4
        var frame = [UInt8](repeating: 0, count: headerLength + payload.count)
        frame.withUnsafeMutableBytes { raw in
            let written = writeHeader(opcode: opcode, payloadLength: payload.count, fin: fin, masked: true, into: raw)
            raw[written] = maskingKey.0
            raw[written + 1] = maskingKey.1
            raw[written + 2] = maskingKey.2
            raw[written + 3] = maskingKey.3
            let body = UnsafeMutableRawBufferPointer(rebasing: raw[headerLength...])
            payload.withUnsafeBytes { body.copyMemory(from: $0) }
            let key = WSMasking.key(maskingKey.0, maskingKey.1, maskingKey.2, maskingKey.3)
            _ = WSMasking.apply(key: key, offset: 0, to: body)
        }
        return frame
    }

    private static func writeHeader(opcode: WSOpcode, payloadLength: Int, fin: Bool, masked: Bool,
                                    into buffer: UnsafeMutableRawBufferPointer) -> Int {
        buffer[0] = (fin ? 0x80 : 0) | opcode.rawValue
        let maskBit: UInt8 = masked ? 0x80 : 0
        switch headerLength(payloadLength: payloadLength) {
        case 2:
            buffer[1] = maskBit | UInt8(truncatingIfNeeded: payloadLength)
            return 2
        case 4:
            buffer[1] = maskBit | 126
            buffer[2] = UInt8(truncatingIfNeeded: payloadLength >> 8)
            buffer[3] = UInt8(truncatingIfNeeded: payloadLength)
            return 4
        default:
            buffer[1] = maskBit | 127
            let length = UInt64(payloadLength)
            for index in 0..<8 { buffer[2 + index] = UInt8(truncatingIfNeeded: length >> UInt64(56 - 8 * index)) }
            return 10
        }
    }
}
