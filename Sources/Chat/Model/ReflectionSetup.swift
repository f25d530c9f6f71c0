import Reflection

/// Whether the chat reflects on what people write (protocol §7).
public enum ReflectionMode: Sendable {
    /// No engine: `reflect` drafts are answered at once with no suggestions; nothing else happens.
    case off
    /// The chat runs the engine itself, on the domain thread, once per draft and once per `say`,
    /// and coaches rooms with prompts.
    case engine(ReflectionSetup)
}

/// The compiled engine and what goes with it: the words of support for crisis language, the room
/// prompts, and how often the coach may speak.
public struct ReflectionSetup: Sendable {
    /// The compiled rules (immutable, shared).
    public var engine: ReflectionEngine
    /// Sent privately with `support` when someone's words sound like crisis.
    public var support: SupportResources
    /// The wordings of room prompts.
    public var prompts: PromptBook
    /// Silence time (default 3 minutes), cooldowns and thresholds of the conversation coach.
    public var coach: CoachSettings
    /// False turns every room prompt and nudge off for the whole deployment (suggestions stay).
    public var roomPrompts: Bool

    /// A setup whose support resources and prompts default to the engine's rules file.
    public init(engine: ReflectionEngine, support: SupportResources? = nil, prompts: PromptBook? = nil,
                coach: CoachSettings = CoachSettings(), roomPrompts: Bool = true) {
        self.engine = engine
        self.support = support ?? engine.support
        self.prompts = prompts ?? engine.prompts
        self.coach = coach
        self.roomPrompts = roomPrompts
    }
}
