import HTTP
import WebSocket

/// `withness echo`: every text or binary message goes straight back as one frame of the same kind.
/// For conformance suites (Autobahn) and load tests; knows nothing of the chat.
public final class EchoHandler: WebSocketHandler {
    private let server: Server

    public init(server: Server) {
        self.server = server
    }

    public func opened(_ id: ConnectionID, request: HTTPRequestHead, peer: PeerAddress) {}

    public func text(_ id: ConnectionID, _ utf8: [UInt8]) {
        server.send(OutboundFrame(text: utf8), to: id)
    }

    public func binary(_ id: ConnectionID, _ bytes: [UInt8]) {
        server.send(OutboundFrame(opcode: .binary, payload: bytes), to: id)
    }

    public func closed(_ id: ConnectionID, code: WSCloseCode) {}
}
