extension WSMessageReader {
    /// The event for a frame whose whole payload is present and unmasked: a control frame, or an
    /// unfragmented data message (the fast path: its only allocation is the event's array).
    func wholeFrameEvent(_ opcode: WSOpcode, _ payload: UnsafeRawBufferPointer) throws(WSProtocolError) -> WSEvent {
        switch opcode {
        case .text:
            var validator = UTF8Validator()
            guard validator.validate(payload), validator.isComplete else { throw .invalidUTF8 }
            return .text(Array(payload))
        case .binary, .continuation:
            return .binary(Array(payload))
        case .ping:
            return .ping(Array(payload))
        case .pong:
            return .pong(Array(payload))
        case .close:
            return try closeEvent(payload)
        }
    }

    /// RFC 6455 §5.5.1 and §7.4: an empty body, or a wire-valid code followed by a UTF-8 reason.
    private func closeEvent(_ payload: UnsafeRawBufferPointer) throws(WSProtocolError) -> WSEvent {
        if payload.isEmpty { return .close(code: nil, reason: []) }
        guard payload.count >= 2 else { throw .invalidClosePayload }
        let code = WSCloseCode(rawValue: UInt16(payload[0]) << 8 | UInt16(payload[1]))
        guard code.isValidOnWire else { throw .invalidCloseCode }
        let reason = UnsafeRawBufferPointer(rebasing: payload[2...])
        var validator = UTF8Validator()
        guard validator.validate(reason), validator.isComplete else { throw .invalidUTF8 }
        return .close(code: code, reason: Array(reason))
    }
}
