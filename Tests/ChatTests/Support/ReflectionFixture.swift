import Reflection
@testable import Chat

/// The bundled engine compiled once for all chat tests, and chat configurations that use it.
enum ReflectionFixture {
    private static let engine = Result { try ReflectionEngine.bundled() }

    /// Two wordings per prompt kind, so repeats and kinds are easy to see.
    private static let prompts = Result {
        try RuleBook.load(jsonBytes: Array("""
            {"version": 1, "prompts": {
              "opening": {"task": "connection", "texts": ["open 1", "open 2"]},
              "silence": {"task": "connection", "texts": ["quiet 1", "quiet 2"]},
              "closing": {"task": "moving-towards", "texts": ["close 1", "close 2"]},
              "mutuality-questions": {"task": "mutuality", "texts": ["share 1", "share 2"]},
              "mutuality-giving": {"task": "mutuality", "texts": ["learn 1", "learn 2"]}}}
            """.utf8)).prompts
    }

    static let support = SupportResources(text: "You don't have to go anywhere.",
                                          resources: [.init(name: "Line", contact: "call 116 123", url: "https://example.org")])

    /// A configuration with the bundled engine, test prompts and support, and a standing `lobby`.
    static func configuration(coach: CoachSettings = CoachSettings(), roomPrompts: Bool = true) throws -> ChatConfiguration {
        var config = ChatConfiguration()
        config.standingRooms = [StandingRoom(id: RoomID("lobby"), title: "Open circle")]
        config.reflection = .engine(ReflectionSetup(engine: try engine.get(), support: support, prompts: try prompts.get(),
                                                    coach: coach, roomPrompts: roomPrompts))
        return config
    }
}
