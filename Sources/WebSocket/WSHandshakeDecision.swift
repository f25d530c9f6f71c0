import HTTP

/// The outcome of checking an upgrade request: switch protocols, or refuse with a fitting response.
public enum WSHandshakeDecision: Equatable, Sendable {
    /// The 101 response (Upgrade, Connection, Sec-WebSocket-Accept, and the chosen subprotocol if any).
    case accept(HTTPResponse)
    /// The broken rule; its `.response` is the 400/403/405/426 to send before closing.
    case refuse(WSHandshakeRefusal)
}
