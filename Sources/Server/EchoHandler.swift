import HTTP
import WebSocket

/// `withness echo`: every text or binary message goes straight back as one frame of the same kind.
/// For conformance suites (Autobahn) and load tests; knows nothing of the chat.
public final class EchoHandler: WebSocketHandler {
    private let server: Server

    /// An echo for `server` (the handler sends through it).
    public init(server: Server) {
        self.server = server
    }

    /// Nothing to do: an echo keeps no state per connection.
    public func opened(_ id: ConnectionID, request: HTTPRequestHead, peer: PeerAddress) {}

    /// Sends the text back as one frame.
    public func text(_ id: ConnectionID, _ utf8: [UInt8]) {
        server.send(OutboundFrame(text: utf8), to: id)
    }

    /// Sends the bytes back as one binary frame.
    public func binary(_ id: ConnectionID, _ bytes: [UInt8]) {
        server.send(OutboundFrame(opcode: .binary, payload: bytes), to: id)
    }

    /// Nothing to forget.
    public func closed(_ id: ConnectionID, code: WSCloseCode) {}
}
