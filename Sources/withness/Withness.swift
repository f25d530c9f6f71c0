import ArgumentParser

/// The `withness` command: one binary for the chat server, its echo endpoint and the staff tools.
@main
struct Withness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withness",
        abstract: "Withness: a self-hostable chat for Intentional Peer Support.",
        subcommands: [Serve.self, Echo.self, Staff.self, Audit.self, ReflectEval.self, ReflectBench.self, ReflectTrain.self]
    )
}
