import Foundation
import Glibc
import HTTP
import Logging
import Server
import WebSocket

/// Records what a `WebSocketHandler` is told, and optionally echoes text, for server tests.
final class RecordingHandler: WebSocketHandler {
    enum Event: Equatable {
        case opened(ConnectionID, path: String)
        case text(ConnectionID, String)
        case closed(ConnectionID, code: UInt16)
    }

    // NSLock rather than Mutex: ThreadSanitizer understands it (see Server's `Locked`).
    private let lock = NSLock()
    nonisolated(unsafe) private var events: [Event] = []
    nonisolated(unsafe) private var server: Server?
    let echo: Bool

    init(echo: Bool = true) {
        self.echo = echo
    }

    func attach(_ server: Server) { lock.withLock { self.server = server } }

    func opened(_ id: ConnectionID, request: HTTPRequestHead, peer: PeerAddress) {
        lock.withLock { events.append(.opened(id, path: String(request.path))) }
    }

    func text(_ id: ConnectionID, _ utf8: [UInt8]) {
        let server = lock.withLock { () -> Server? in
            events.append(.text(id, String(decoding: utf8, as: UTF8.self)))
            return self.server
        }
        if echo, let server { server.send(OutboundFrame(text: utf8), to: id) }
    }

    func closed(_ id: ConnectionID, code: WSCloseCode) {
        lock.withLock { events.append(.closed(id, code: code.rawValue)) }
    }

    var recorded: [Event] { lock.withLock { events } }

    /// Ids of connections opened so far, in order.
    var openedIDs: [ConnectionID] {
        recorded.compactMap { if case .opened(let id, _) = $0 { id } else { nil } }
    }

    /// Waits (up to 10 s) until `condition` holds for the recorded events.
    func waitFor(_ condition: ([Event]) -> Bool) -> Bool {
        for _ in 0..<1000 {
            if condition(recorded) { return true }
            usleep(10_000)
        }
        return false
    }
}

/// A server on a free loopback port for one test; shut down with `stop()`.
struct TestServer {
    let server: Server
    let handler: RecordingHandler
    var port: Int { server.port }

    init(_ configure: (inout ServerConfiguration) -> Void = { _ in }, handler: RecordingHandler = RecordingHandler(),
         http: (any HTTPRequestHandler)? = nil) throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.loops = 2
        configure(&configuration)
        server = try Server(configuration: configuration, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        self.handler = handler
        handler.attach(server)
        try server.start(webSocketHandler: handler, httpHandler: http)
    }

    func stop() { server.shutdown(grace: .seconds(2)) }
}
