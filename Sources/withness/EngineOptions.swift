import ArgumentParser
import Logging
import Metrics
import Prometheus
import Server

/// Flags shared by `serve` and `echo`: the engine's threads and logging.
struct EngineOptions: ParsableArguments {
    @Option(help: "Event-loop threads (default: one per core).")
    var loops: Int?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

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

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Runs a started server until SIGINT or SIGTERM, then shuts it down cleanly (exit status 0).
func runUntilSignalled(_ server: Server, signal: ShutdownSignal, logger: Logger) {
    signal.wait()
    logger.info("signal received")
    server.shutdown(grace: .seconds(2))
}
