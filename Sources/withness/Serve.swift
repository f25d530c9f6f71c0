import ArgumentParser
import Store
import Server
import WebSocket

/// `withness serve`: the chat server with its web client, API, `/healthz` and `/metrics`.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the chat, its web client and its API.")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "TCP port (0 picks a free one).")
    var port = 8080

    @Option(help: "Folder of static files for the web client.")
    var web = "web"

    @Option(help: "Folder for the database and keys.")
    var data = "data"

    @Option(name: .customLong("master-key-file"), help: "File holding the key that wraps each transcript's key (created, owner-only, when absent; default DATA/master.key).")
    var masterKeyFile: String?

    @Option(name: .customLong("retention-days"), help: "Days a transcript is kept before the sweeper deletes it.")
    var retentionDays = 30

    @Option(help: "A page origin (such as https://chat.example.org) allowed to open WebSockets besides the server's own. Repeatable.")
    var allowedOrigin: [String] = []

    @Option(help: "A standing group room, ID:TITLE (e.g. lobby:\"Open circle\"). Repeatable.")
    var room: [String] = []

    @Flag(help: "Let peers create open, unfacilitated rooms by joining an unknown room id.")
    var openRooms = false

    @Option(help: "Messages per second per peer (burst twice that); 0 turns the limit off.")
    var rateLimit = 5

    @OptionGroup var tls: TLSOptions

    @Option(help: "A rules file laid over the bundled reflection rules (its `mode`: extend or replace; see docs/REFLECTION.md).")
    var rules: String?

    @OptionGroup var learned: LearnedModelOptions

    @Option(name: .customLong("support-resources"), help: "A JSON file of the support offered beside crisis language, replacing the bundled list.")
    var supportResources: String?

    @Flag(name: .customLong("no-room-prompts"), help: "Turn off room prompts and mutuality nudges (suggestions to writers stay).")
    var noRoomPrompts = false

    @Flag(name: .customLong("no-reflection"), help: "Run without the reflection engine at all: no suggestions, prompts or support (for measuring its cost).")
    var noReflection = false

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        for text in room where ServeConfiguration.parseRoom(text) == nil {
            throw ValidationError("--room \(text): expected ID:TITLE with an id of letters, digits, - or _ (at most 64).")
        }
        if retentionDays < 1 { throw ValidationError("--retention-days must be at least 1.") }
        if rateLimit < 0 { throw ValidationError("--rate-limit cannot be negative.") }
    }

    func run() throws {
        let (logger, registry) = engine.bootstrap(label: "withness.serve")
        var engineConfiguration = ServerConfiguration()
        engineConfiguration.host = host
        engineConfiguration.port = port
        engineConfiguration.webRoot = web
        engine.apply(to: &engineConfiguration)
        tls.apply(to: &engineConfiguration)
        engineConfiguration.handshakePolicy = WSHandshakePolicy(allowedOrigins: allowedOrigin, subprotocols: ["withness.v1"])
        var configuration = ServeConfiguration(engine: engineConfiguration, dataDirectory: data,
                                               rooms: room.compactMap(ServeConfiguration.parseRoom),
                                               openRooms: openRooms, rateLimit: rateLimit)
        let signal = try ShutdownSignal()
        let server = try Server(configuration: configuration.engine, logger: logger)
        if !noReflection {
            configuration.reflection = .engine(try ReflectionOptions.setup(rules: rules, learned: learned, supportResources: supportResources,
                                                                           roomPrompts: !noRoomPrompts))
        }
        let store = try StoreWorker(store: DataStore.open(dataDirectory: data, masterKeyFile: masterKeyFile),
                                    sweepInterval: .seconds(300),
                                    onSweepError: { [logger] error in logger.error("retention sweep failed", metadata: ["error": "\(error)"]) })
        defer { store.shutdown() }
        let application = ServeWiring.make(configuration: configuration, server: server, store: store,
                                           retention: .seconds(retentionDays * 86_400), registry: registry, logger: logger)
        defer { application.stop() }
        try server.start(webSocketHandler: application.webSocket, httpHandler: application.http)
        runUntilSignalled(server, signal: signal, logger: logger)
    }
}
