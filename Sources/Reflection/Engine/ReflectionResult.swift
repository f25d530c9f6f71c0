/// The names of the families the rest of the system acts on; a deployment may add others.
public enum ReflectionFamily {
    /// Current or imminent intent to die or self-harm: the Chat layer sends support resources.
    public static let crisis = "crisis"
    /// Money, sexual advances, contact details, private meet-ups, illegal activity.
    public static let boundary = "boundary"
    /// Advice aimed at the other person (counts as "giving" for mutuality).
    public static let fixing = "fixing"
    /// The writer as the other's helper or expert (counts as "giving" for mutuality).
    public static let helper = "helper"
}

/// What the engine found in one text: the suggestions to offer, and what the conversation coach needs.
public struct ReflectionResult: Sendable, Equatable {
    /// At most one suggestion per family, in the rules file's family order (crisis first in the bundled file).
    public let suggestions: [Suggestion]
    /// The families that fired.
    public var families: Set<String> { Set(suggestions.map(\.family)) }
    /// How many questions the text asks (question marks, or sentences opening with a question word).
    public let questions: Int

    /// A result made of these parts.
    public init(suggestions: [Suggestion], questions: Int) {
        self.suggestions = suggestions
        self.questions = questions
    }

    /// The text sounds like crisis: the Chat layer offers support resources (and alerts facilitators in groups).
    public var isCrisis: Bool { suggestions.contains { $0.family == ReflectionFamily.crisis } }

    /// The writer is advising or helping the other: "giving", for the coach's mutuality window.
    public var isGiving: Bool {
        suggestions.contains { $0.family == ReflectionFamily.fixing || $0.family == ReflectionFamily.helper }
    }

    /// A text with nothing to suggest and no questions.
    public static let empty = ReflectionResult(suggestions: [], questions: 0)
}
