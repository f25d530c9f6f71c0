import Reflection

/// The bundled engine, compiled once for all tests.
enum Fixture {
    private static let shared = Result { try ReflectionEngine.bundled() }

    private static let rules = Result { try ReflectionEngine(book: RuleBook.bundled()) }

    /// The bundled rules alone, without the learned layer: for tests of what the rules themselves do.
    static func rulesOnly() throws -> ReflectionEngine {
        try rules.get()
    }

    /// The engine for the bundled rules and learned model; throws (failing the test) if they do not load.
    static func engine() throws -> ReflectionEngine {
        try shared.get()
    }
}
