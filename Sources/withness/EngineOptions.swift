import ArgumentParser
import Logging
import Metrics
import Prometheus
import Server

/// Flags shared by `serve` and `echo`: the engine's threads and logging.
struct EngineOptions: ParsableArguments {
    @Option(help: "Event-loop threads (default: one per core).")
    var loops: Int?

    @Option(help: "Open connections in total; more are answered 503 and closed.")
    var maxConnections = 10_000

    @Option(name: .customLong("max-connections-per-ip"), help: "Open connections from one IP address; more are answered 503.")
    var maxConnectionsPerIP = 256

    @Flag(name: .customLong("cap-loopback-per-ip"), help: "Apply the per-IP cap to loopback clients too (off: behind a reverse proxy everyone is 127.0.0.1).")
    var capLoopbackPerIP = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func apply(to configuration: inout ServerConfiguration) {
        if let loops { configuration.loops = loops }
        configuration.maxConnections = maxConnections
        configuration.maxConnectionsPerIP = maxConnectionsPerIP
        configuration.capLoopbackPerIP = capLoopbackPerIP
    }

    /// Bootstraps logging (stderr) and metrics (Prometheus) once, in the executable only.
    func bootstrap(label: String) -> (Logger, PrometheusCollectorRegistry) {
        let level = logLevel
        LoggingSystem.bootstrap { name in
            var handler = StreamLogHandler.standardError(label: name)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return (Logger(label: label), registry)
    }
}

/// `--tls-cert` and `--tls-key`: both, or neither.
struct TLSOptions: ParsableArguments {
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain; with --tls-key serves https and wss (TLS 1.2+).")
    var certificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key matching --tls-cert.")
    var key: String?

    func validate() throws {
        if (certificate == nil) != (key == nil) { throw ValidationError("--tls-cert and --tls-key go together.") }
    }

    func apply(to configuration: inout ServerConfiguration) {
        configuration.tlsCertificatePath = certificate
        configuration.tlsKeyPath = key
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Runs a started server until SIGINT or SIGTERM, then shuts it down cleanly (exit status 0).
func runUntilSignalled(_ server: Server, signal: ShutdownSignal, logger: Logger) {
    signal.wait()
    logger.info("signal received")
    server.shutdown(grace: .seconds(2))
}
