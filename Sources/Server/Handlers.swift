import HTTP
import WebSocket

/// What the application does with WebSocket connections. Every call comes on the connection's own loop
/// thread, in order, so a handler must not block: hand the work to another thread and return.
public protocol WebSocketHandler: Sendable {
    /// The opening handshake succeeded. `request` is the upgrade request (its path, query and headers).
    func opened(_ id: ConnectionID, request: HTTPRequestHead, peer: PeerAddress)
    /// A complete text message, already checked to be valid UTF-8 and within the size limit.
    func text(_ id: ConnectionID, _ utf8: [UInt8])
    /// A complete binary message; only called when the configuration accepts binary (echo).
    func binary(_ id: ConnectionID, _ bytes: [UInt8])
    /// The connection left the open state: a close frame either way, a protocol error, a timeout, a full
    /// queue or a lost transport (1006). Called exactly once per `opened`; later sends to `id` are dropped.
    func closed(_ id: ConnectionID, code: WSCloseCode)
}

extension WebSocketHandler {
    /// Text-only applications need not implement it.
    public func binary(_ id: ConnectionID, _ bytes: [UInt8]) {}
}

/// Answers HTTP requests on the routes the server does not serve itself (`/api/…`, `/metrics`).
public protocol HTTPRequestHandler: Sendable {
    /// Called on the connection's loop thread. `respond` may be called once, later, from any thread, so slow
    /// work (a password hash, a database read) never runs on a loop; the connection reads nothing more until then.
    func handle(_ request: HTTPRequest, peer: PeerAddress, respond: @escaping @Sendable (HTTPResponse) -> Void)
}
