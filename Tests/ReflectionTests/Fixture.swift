import Reflection

/// The bundled engine, compiled once for all tests.
enum Fixture {
    private static let shared = Result { try ReflectionEngine.bundled() }

    /// The engine for the bundled rules; throws (failing the test) if they do not load.
    static func engine() throws -> ReflectionEngine {
        try shared.get()
    }
}
