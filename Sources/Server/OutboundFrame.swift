import WebSocket

/// One encoded frame (or HTTP response) held once in memory and shared by reference by every connection
/// it is sent to: a broadcast to a room is encoded once, and each member's queue holds the same object.
///
/// The bytes live in one allocation whose address never moves, so `writev` can point straight at them.
/// Immutable after `init`, hence safe to share across threads (`@unchecked` only because the storage is a
/// raw pointer, which Swift cannot prove immutable).
public final class OutboundFrame: @unchecked Sendable {
    let storage: UnsafeMutableRawBufferPointer

    /// Wraps bytes that are already a complete frame (or an HTTP response).
    public init(encoded bytes: [UInt8]) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        self.storage = storage
        count = bytes.count
    }

    /// A text frame around `utf8` (which must be valid UTF-8), encoded straight into one allocation.
    public convenience init(text utf8: [UInt8]) {
        self.init(opcode: .text, payload: utf8)
    }

    /// An unmasked final frame of any opcode around `payload`.
    public init(opcode: WSOpcode, payload: [UInt8]) {
        let header = WSFrameEncoder.headerLength(payloadLength: payload.count)
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: header + payload.count, alignment: 8)
        _ = WSFrameEncoder.writeHeader(opcode: opcode, payloadLength: payload.count, into: storage)
        payload.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: storage[header...]).copyMemory(from: $0) }
        self.storage = storage
        count = header + payload.count
    }

    /// The number of bytes on the wire.
    public let count: Int

    /// The encoded bytes, copied out (for tests and logging sizes; the server never copies them).
    public var bytes: [UInt8] { Array(UnsafeRawBufferPointer(rebasing: storage[..<count])) }

    deinit { storage.deallocate() }
}
