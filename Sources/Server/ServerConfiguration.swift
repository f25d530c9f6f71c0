import CLinux
import Glibc

import WebSocket

/// Everything the engine needs to know before it binds: where to listen, what to serve, and its limits.
public struct ServerConfiguration: Sendable {
    /// Address to bind (`127.0.0.1`, `0.0.0.0`, `::`).
    public var host: String = "127.0.0.1"
    /// TCP port; 0 picks a free one (read it back from `Server.port`).
    public var port: Int = 8080
    /// Event-loop threads, each with its own `SO_REUSEPORT` listener; defaults to one per core.
    public var loops: Int = ServerConfiguration.coreCount
    /// The folder of static files, or `nil` to serve none (the echo endpoint).
    public var webRoot: String?
    /// The path of the WebSocket endpoint; `nil` accepts an upgrade at any path (echo).
    public var webSocketPath: String? = "/ws"
    /// Paths handed to the `HTTPRequestHandler`: a prefix ending in `/` matches everything below it,
    /// anything else matches exactly.
    public var handlerRoutes: [String] = ["/api/", "/metrics"]
    /// Origins and subprotocols for the WebSocket handshake.
    public var handshakePolicy = WSHandshakePolicy()
    /// The largest WebSocket message accepted (protocol §1: 64 KiB, 1009 beyond).
    public var maxMessageBytes: Int = 64 * 1024
    /// Whether binary messages reach the handler; otherwise they are closed with 1003 (protocol §1).
    public var acceptsBinary = false
    /// Past this many bytes queued for one client, it is closed with 1008 (protocol §1).
    public var maxQueuedBytes: Int = 1024 * 1024
    /// Open connections in total; more are answered 503 and closed.
    public var maxConnections: Int = 10_000
    /// Open connections from one IP address; more are answered 503 and closed.
    public var maxConnectionsPerIP: Int = 256
    /// Whether the per-IP cap also counts loopback clients. Off by default: behind a reverse proxy every
    /// client arrives from 127.0.0.1, and one cap for all of them would lock people out.
    public var capLoopbackPerIP = false
    /// Time for a client to send a complete request (and between keep-alive requests), in ms.
    public var requestTimeoutMS: UInt64 = 10_000
    /// WebSocket ping interval in ms (protocol §1: 30 s).
    public var pingIntervalMS: UInt64 = 30_000
    /// A WebSocket with no frame from the client for this long is closed with 1001 (protocol §1: 75 s).
    public var idleTimeoutMS: UInt64 = 75_000
    /// How long a server-initiated close waits for the client's close frame.
    public var closeTimeoutMS: UInt64 = 5_000
    /// PEM certificate chain; with `tlsKeyPath`, the server speaks only https and wss.
    public var tlsCertificatePath: String?
    /// PEM private key matching `tlsCertificatePath` (checked at start-up).
    public var tlsKeyPath: String?

    /// The chat server's defaults (protocol §1 limits, `/ws`, `/api/` and `/metrics` to the application).
    public init() {}

    /// The configuration of `withness echo`: any path, binary echoed, 16 MiB messages, a queue that fits one.
    public static func echo(host: String = "127.0.0.1", port: Int) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.webSocketPath = nil
        configuration.handlerRoutes = []
        configuration.handshakePolicy = WSHandshakePolicy(allowedOrigins: [], subprotocols: [])
        configuration.acceptsBinary = true
        configuration.maxMessageBytes = 16 * 1024 * 1024
        configuration.maxQueuedBytes = 16 * 1024 * 1024 + 1024 * 1024
        return configuration
    }

    /// Processors this process may run on (its affinity mask, so `taskset -c 1` gives 1), the default
    /// number of loops: more loops than usable cores only adds context switches.
    public static var coreCount: Int {
        let allowed = Int(withness_affinity_cpu_count())
        return max(1, allowed > 0 ? allowed : Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// True when `path` belongs to the application's HTTP handler.
    func routesToHandler(_ path: Substring) -> Bool {
        handlerRoutes.contains { route in route.hasSuffix("/") ? path.hasPrefix(route) : path == route }
    }
}
