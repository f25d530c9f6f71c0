/// What the connection must do next, as decided by `WSConnectionStateMachine`.
public enum WSAction: Equatable, Sendable {
    /// Nothing to do.
    case none
    /// Write this encoded frame (a ping or a close) and keep the connection open.
    case send([UInt8])
    /// Write this frame, flush, then close the socket.
    case sendAndCloseTransport([UInt8])
    /// Close the socket now without writing anything more.
    case closeTransport
}
