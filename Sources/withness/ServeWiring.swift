import Chat
import ChatService
import HTTP
import Logging
import Prometheus
import Server
import Store
import WebSocket

/// Where `serve` plugs the application into the engine: the chat service on `/ws`, and `/metrics`.
enum ServeWiring {
    static func make(configuration: ServeConfiguration, server: Server, store: StoreWorker, retention: Duration,
                     registry: PrometheusCollectorRegistry, logger: Logger) -> Application {
        let chat = ChatService(configuration: configuration.chat, staff: StoreStaffDirectory(worker: store),
                               sink: StoreEffectSink(worker: store, retention: retention, logger: logger), logger: logger)
        chat.attach(server)
        chat.start()
        let api = APIRoutes(worker: store, chat: chat, fallback: ApplicationRoutes(registry: registry))
        return Application(webSocket: chat, http: api, stop: { api.stop(); chat.stop() })
    }

    /// What `serve` runs: the handlers it gives the engine, and how to stop them after it.
    struct Application {
        let webSocket: any WebSocketHandler
        let http: any HTTPRequestHandler
        let stop: () -> Void
    }
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
