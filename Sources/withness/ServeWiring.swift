import HTTP
import Logging
import Prometheus
import Server
import WebSocket

/// Where `serve` plugs the application into the engine. For now: `/metrics`, and a WebSocket endpoint that
/// accepts connections and ignores their messages; the chat service replaces `PendingChatHandler` and
/// takes over `/api/*` here.
enum ServeWiring {
    static func make(configuration: ServeConfiguration, server: Server, registry: PrometheusCollectorRegistry,
                     logger: Logger) -> (webSocket: any WebSocketHandler, http: any HTTPRequestHandler) {
        (PendingChatHandler(), ApplicationRoutes(registry: registry))
    }
}

/// Accepts WebSockets and ignores what they say, until the chat service is wired in.
struct PendingChatHandler: WebSocketHandler {
    func opened(_ id: ConnectionID, request: HTTPRequestHead, peer: PeerAddress) {}
    func text(_ id: ConnectionID, _ utf8: [UInt8]) {}
    func closed(_ id: ConnectionID, code: WSCloseCode) {}
}

/// `GET /metrics` in Prometheus text format; `/api/*` answers 404 until the API is wired in.
struct ApplicationRoutes: HTTPRequestHandler {
    let registry: PrometheusCollectorRegistry

    func handle(_ request: HTTPRequest, peer: PeerAddress, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        guard request.head.path == "/metrics" else {
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/json")
            respond(HTTPResponse(status: .notFound, headers: headers,
                                 body: Array(#"{"error":"not_found","message":"No such endpoint."}"#.utf8)))
            return
        }
        guard request.head.method == "GET" || request.head.method == "HEAD" else {
            var response = HTTPResponse.plainText(.methodNotAllowed, "Only GET is served here.\n")
            response.headers.add(name: "Allow", value: "GET, HEAD")
            respond(response)
            return
        }
        var body: [UInt8] = []
        registry.emit(into: &body)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")
        headers.add(name: "Cache-Control", value: "no-store")
        respond(HTTPResponse(status: .ok, headers: headers, body: body))
    }
}
