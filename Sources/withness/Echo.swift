import ArgumentParser
import Server

/// `withness echo`: a bare echo endpoint on the same engine, for conformance suites and load tests.
struct Echo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Echo every WebSocket message back (any path, up to 16 MiB; not the chat server)."
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "TCP port (0 picks a free one).")
    var port = 9001

    @OptionGroup var tls: TLSOptions

    @OptionGroup var engine: EngineOptions

    func run() throws {
        let (logger, _) = engine.bootstrap(label: "withness.echo")
        var configuration = ServerConfiguration.echo(host: host, port: port)
        engine.apply(to: &configuration)
        tls.apply(to: &configuration)
        let signal = try ShutdownSignal()
        let server = try Server(configuration: configuration, logger: logger)
        try server.start(webSocketHandler: EchoHandler(server: server))
        runUntilSignalled(server, signal: signal, logger: logger)
    }
}
