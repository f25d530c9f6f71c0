import Logging

/// What every loop shares, fixed when the server starts: configuration, handlers, limits, metrics.
final class LoopContext: Sendable {
    let configuration: ServerConfiguration
    let webSocketHandler: any WebSocketHandler
    let httpHandler: (any HTTPRequestHandler)?
    let limiter: ConnectionLimiter
    let metrics: ServerMetrics
    let logger: Logger
    let tls: TLSContext?
    let files: StaticFiles?

    init(configuration: ServerConfiguration, webSocketHandler: any WebSocketHandler, httpHandler: (any HTTPRequestHandler)?,
         limiter: ConnectionLimiter, metrics: ServerMetrics, logger: Logger, tls: TLSContext?, files: StaticFiles?) {
        self.configuration = configuration
        self.webSocketHandler = webSocketHandler
        self.httpHandler = httpHandler
        self.limiter = limiter
        self.metrics = metrics
        self.logger = logger
        self.tls = tls
        self.files = files
    }
}
