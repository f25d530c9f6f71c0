import Glibc
import Logging
import Synchronization
import WebSocket

/// The engine: N event-loop threads serving HTTP, static files and WebSockets on one port.
///
/// `init` binds (so `port` is known at once, even for port 0) and checks TLS files; `start` runs the
/// loops with the application's handlers; `send` and `close` may be called from any thread;
/// `shutdown` says 1001 to every WebSocket, flushes for at most the grace period, and joins the loops.
///
/// ```swift
/// let server = try Server(configuration: configuration, logger: logger)
/// try server.start(webSocketHandler: chat, httpHandler: api)
/// server.send(OutboundFrame(text: json), to: members)   // one encoding, shared by every member
/// ```
public final class Server: Sendable {
    /// The bound TCP port.
    public let port: Int
    private let configuration: ServerConfiguration
    private let logger: Logger
    private let loops: [LoopHandle]
    private let listeners: [Int32]
    private let limiter: ConnectionLimiter
    private let metrics: ServerMetrics
    private let tls: TLSContext?
    private let threads = Locked<[pthread_t]?>(nil)
    private let stopped = Atomic<Bool>(false)

    /// Binds one `SO_REUSEPORT` listener per loop and loads the TLS certificate and key if configured.
    /// Metrics are created here: bootstrap `MetricsSystem` first.
    public init(configuration: ServerConfiguration, logger: Logger) throws(ServerError) {
        // A client that vanishes mid-write must give EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        self.configuration = configuration
        self.logger = logger
        if let certificate = configuration.tlsCertificatePath, let key = configuration.tlsKeyPath {
            do throws(TLSError) { tls = try TLSContext(certificatePath: certificate, keyPath: key) } catch { throw .tls(error) }
        } else if configuration.tlsCertificatePath != nil || configuration.tlsKeyPath != nil {
            throw .tls(TLSError(operation: "TLS configuration", reason: "both a certificate and a key are needed"))
        } else {
            tls = nil
        }
        let count = max(1, min(configuration.loops, 255))
        var listeners: [Int32] = []
        var loops: [LoopHandle] = []
        do throws(SystemError) {
            let first = try Listener.open(host: configuration.host, port: configuration.port)
            listeners.append(first)
            port = Listener.boundPort(first)
            for _ in 1..<count { listeners.append(try Listener.open(host: configuration.host, port: port)) }
            for index in 0..<count { loops.append(try LoopHandle(index: index)) }
        } catch {
            for fd in listeners { Glibc.close(fd) }
            throw .system(error)
        }
        self.listeners = listeners
        self.loops = loops
        limiter = ConnectionLimiter(maxTotal: configuration.maxConnections, maxPerHost: configuration.maxConnectionsPerIP,
                                    capLoopback: configuration.capLoopbackPerIP)
        metrics = ServerMetrics()
    }

    /// Starts the loop threads; handlers are called on them from now on.
    public func start(webSocketHandler: any WebSocketHandler, httpHandler: (any HTTPRequestHandler)? = nil) throws(ServerError) {
        let files = configuration.webRoot.flatMap { StaticFiles(root: $0) }
        if let root = configuration.webRoot, files == nil {
            logger.warning("web folder not found; no static files will be served", metadata: ["path": "\(root)"])
        }
        let context = LoopContext(configuration: configuration, webSocketHandler: webSocketHandler, httpHandler: httpHandler,
                                  limiter: limiter, metrics: metrics, logger: logger, tls: tls, files: files)
        try threads.withLock { threads throws(ServerError) in
            guard threads == nil, !stopped.load(ordering: .acquiring) else { throw .alreadyStarted }
            var started: [pthread_t] = []
            for (handle, listener) in zip(loops, listeners) {
                do throws(SystemError) {
                    started.append(try spawnLoopThread(LoopStart(handle: handle, context: context, listenerFD: listener)))
                } catch {
                    threads = started
                    throw .system(error)
                }
            }
            threads = started
        }
        logger.info("listening", metadata: ["host": "\(configuration.host)", "port": "\(port)", "loops": "\(loops.count)",
                                            "tls": "\(tls != nil)"])
    }

    /// Queues `frame` for one connection; dropped if it has closed.
    public func send(_ frame: OutboundFrame, to id: ConnectionID) {
        guard id.loop < loops.count else { return }
        loops[id.loop].post(.send(frame, id))
    }

    /// Queues the same `frame` for every connection: one mailbox post and at most one wake-up per loop,
    /// and each connection's queue holds a reference to the one frame (no re-encoding, no copy).
    public func send(_ frame: OutboundFrame, to ids: [ConnectionID]) {
        guard !ids.isEmpty else { return }
        if loops.count == 1 {
            loops[0].post(.sendMany(frame, ids))
            return
        }
        var byLoop = [[ConnectionID]](repeating: [], count: loops.count)
        for id in ids where id.loop < loops.count { byLoop[id.loop].append(id) }
        for (index, members) in byLoop.enumerated() where !members.isEmpty {
            loops[index].post(members.count == 1 ? .send(frame, members[0]) : .sendMany(frame, members))
        }
    }

    /// Starts the close handshake with `code` (the handler's `closed` follows on the loop thread).
    public func close(_ id: ConnectionID, code: WSCloseCode) {
        guard id.loop < loops.count else { return }
        loops[id.loop].post(.close(id, code))
    }

    /// Open connections admitted under the caps, across all loops.
    public var openConnections: Int { limiter.total }

    /// Stops accepting, closes every WebSocket with 1001, waits up to `grace` for writes to finish, and
    /// returns when every loop thread has exited. Safe to call more than once.
    public func shutdown(grace: Duration = .seconds(2)) {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let graceMS = UInt64(grace.components.seconds) * 1000 + UInt64(grace.components.attoseconds / 1_000_000_000_000_000)
        let deadline = MonotonicClock.nowMS() + graceMS
        let running = threads.withLock { $0 ?? [] }
        if running.isEmpty {
            for fd in listeners { Glibc.close(fd) }
            return
        }
        logger.info("shutting down", metadata: ["open": "\(limiter.total)"])
        for loop in loops { loop.post(.shutdown(deadlineMS: deadline)) }
        for thread in running { pthread_join(thread, nil) }
        logger.info("stopped")
    }
}
