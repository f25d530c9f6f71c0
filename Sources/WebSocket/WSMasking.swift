/// XOR masking of client payloads (RFC 6455 §5.3), in place and resumable at any byte.
///
/// The key is rotated to the offset reached so far, widened to 64 bits, and applied eight bytes at a
/// time (coder/websocket `fastXOR`); the tail is done byte by byte. Masking and unmasking are the same.
enum WSMasking {
    /// XORs `bytes` with `key` (the four key bytes, first wire byte in the low eight bits) starting at key
    /// position `offset` (0–3) and returns the key position after the last byte, so the next chunk can resume.
    static func apply(key: UInt32, offset: Int, to bytes: UnsafeMutableRawBufferPointer) -> Int {
        let count = bytes.count
        guard count > 0 else { return offset }
        let shift = UInt32(truncatingIfNeeded: (offset & 3) * 8)
        let rotated = shift == 0 ? key : (key >> shift) | (key << (32 - shift))
        // `littleEndian` gives the word whose bytes in memory are the key bytes in wire order.
        let wide = UInt64(rotated.littleEndian) | UInt64(rotated.littleEndian) << 32
        var index = 0
        while index + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            bytes.storeBytes(of: word ^ wide, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < count {
            bytes[index] ^= UInt8(truncatingIfNeeded: rotated >> UInt32((index & 3) * 8))
            index += 1
        }
        return (offset + count) & 3
    }

    /// The key in `apply`'s form from its four wire bytes.
    static func key(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) -> UInt32 {
        UInt32(b0) | UInt32(b1) << 8 | UInt32(b2) << 16 | UInt32(b3) << 24
    }
}
