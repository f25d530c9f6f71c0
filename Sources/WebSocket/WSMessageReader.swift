/// Everything a connection needs to turn inbound bytes into messages: frame parsing (every length form,
/// mask required from clients), unmasking in place, fragment assembly with control frames interleaved,
/// incremental UTF-8 validation that fails fast inside fragments, close-frame validation, size limit.
/// Holds only a small state plus the partial message being assembled (empty when idle).
///
/// The reader owns no input buffer: it reads the caller's bytes and reports how many it consumed. A
/// header or a control frame is consumed only once all of it is present (at most 14 or 139 bytes stay
/// with the caller); a data payload is consumed as it arrives, unmasked and validated chunk by chunk.
public struct WSMessageReader: Sendable {
    /// The largest message (sum of its fragments' payloads) accepted; larger ones fail with 1009.
    public let maxMessageBytes: Int
    /// Whether binary messages are delivered; when `false` one fails with 1003 at its first header byte.
    public let acceptsBinary: Bool

    /// The message being assembled from fragments; empty (no storage) whenever no message is open.
    private var assembly: [UInt8] = []
    private var message: MessageKind = .none
    private var utf8 = UTF8Validator()
    /// Payload bytes of the current data frame not yet consumed, while `inPayload`.
    private var remaining: UInt64 = 0
    private var maskKey: UInt32 = 0
    private var maskOffset: UInt8 = 0
    private var inPayload = false
    private var frameFin = false

    private enum MessageKind: UInt8 { case none, text, binary }

    /// A reader for one connection; `maxMessageBytes` bounds a reassembled message.
    public init(maxMessageBytes: Int) {
        self.init(maxMessageBytes: maxMessageBytes, acceptsBinary: true)
    }

    /// A reader that can refuse binary messages outright (the chat endpoint takes only text).
    public init(maxMessageBytes: Int, acceptsBinary: Bool) {
        // Capped far above any real limit so that header length + payload length can never overflow.
        self.maxMessageBytes = min(max(0, maxMessageBytes), 1 << 56)
        self.acceptsBinary = acceptsBinary
    }

    /// True when no message or frame is part-way through: the state a quiet connection rests in.
    public var isIdle: Bool { message == .none && !inPayload }

    /// Heap bytes the reader holds for a message in progress; 0 whenever it is idle, which is what keeps a
    /// quiet connection cheap.
    public var retainedBytes: Int { assembly.capacity }

    /// Bytes of the open message assembled so far.
    var assembledCount: Int { assembly.count }

    /// Reads from the front of `buffer` (the connection's unread inbound bytes; payload is unmasked in place).
    /// Returns how many bytes were consumed and at most one event. The caller drops `consumed` bytes and
    /// calls again while it gets an event or consumed > 0. Bytes may arrive split anywhere, one at a time.
    /// After an error the connection sends `error.closeCode` and stops reading; the reader is not reused.
    public mutating func read(_ buffer: UnsafeMutableRawBufferPointer) throws(WSProtocolError) -> (consumed: Int, event: WSEvent?) {
        var consumed = 0
        while true {
            let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[consumed...])
            if inPayload {
                let chunk = Int(min(remaining, UInt64(rest.count)))
                if chunk > 0 {
                    try absorb(UnsafeMutableRawBufferPointer(rebasing: rest[..<chunk]))
                    consumed += chunk
                    remaining -= UInt64(chunk)
                }
                if remaining > 0 { return (consumed, nil) }
                inPayload = false
                if frameFin { return (consumed, try finishMessage()) }
                continue
            }
            guard let header = try parseHeader(UnsafeRawBufferPointer(rest)) else { return (consumed, nil) }
            // Lengths past this point are bounded: ≤ 125 for control frames, ≤ maxMessageBytes for data.
            let frameEnd = header.length + Int(header.payloadLength)
            if header.opcode.isControl || (header.fin && message == .none) {
                guard rest.count >= frameEnd else {
                    if header.opcode.isControl { return (consumed, nil) }
                    begin(header)
                    consumed += header.length
                    continue
                }
                let payload = UnsafeMutableRawBufferPointer(rebasing: rest[header.length..<frameEnd])
                _ = WSMasking.apply(key: header.maskKey, offset: 0, to: payload)
                let event = try wholeFrameEvent(header.opcode, UnsafeRawBufferPointer(payload))
                return (consumed + frameEnd, event)
            }
            begin(header)
            consumed += header.length
        }
    }

    /// RFC 6455 §5.4: fragments of one message are contiguous; control frames may come between them.
    func checkSequence(opcode: WSOpcode, fin: Bool) throws(WSProtocolError) {
        switch opcode {
        case .close, .ping, .pong:
            // RFC 6455 §5.5: control frames are never fragmented.
            guard fin else { throw .fragmentedControlFrame }
        case .continuation:
            guard message != .none else { throw .unexpectedContinuation }
        case .text, .binary:
            guard message == .none else { throw .expectedContinuation }
            if opcode == .binary && !acceptsBinary { throw .binaryNotAccepted }
        }
    }

    /// Starts streaming a data frame's payload (and a new message unless it is a continuation).
    private mutating func begin(_ header: WSFrameHeader) {
        if header.opcode != .continuation {
            message = header.opcode == .text ? .text : .binary
            utf8 = UTF8Validator()
        }
        remaining = header.payloadLength
        maskKey = header.maskKey
        maskOffset = 0
        frameFin = header.fin
        inPayload = true
    }

    /// Unmasks one chunk of payload, checks it (text) and appends it to the message.
    private mutating func absorb(_ chunk: UnsafeMutableRawBufferPointer) throws(WSProtocolError) {
        maskOffset = UInt8(WSMasking.apply(key: maskKey, offset: Int(maskOffset), to: chunk))
        if message == .text && !utf8.validate(UnsafeRawBufferPointer(chunk)) { throw .invalidUTF8 }
        assembly.append(contentsOf: UnsafeRawBufferPointer(chunk))
    }

    /// Hands out the assembled message and returns to the idle state with no storage held.
    private mutating func finishMessage() throws(WSProtocolError) -> WSEvent {
        // A sequence cut off at the end of the final fragment is as invalid as a bad byte.
        if message == .text && !utf8.isComplete { throw .invalidUTF8 }
        let payload = assembly
        let kind = message
        assembly = []
        message = .none
        return kind == .text ? .text(payload) : .binary(payload)
    }
}
