/// What the reader hands the connection: one complete message or one control frame.
public enum WSEvent: Equatable, Sendable {
    /// A complete text message, already checked to be valid UTF-8.
    case text([UInt8])
    /// A complete binary message.
    case binary([UInt8])
    /// A ping; the connection answers with a pong carrying the same payload (RFC 6455 §5.5.2).
    case ping([UInt8])
    /// A pong, unsolicited or answering our ping; it only shows the peer is alive.
    case pong([UInt8])
    /// A validated close frame; `code` is `nil` when the payload was empty, `reason` is valid UTF-8.
    case close(code: WSCloseCode?, reason: [UInt8])
}
