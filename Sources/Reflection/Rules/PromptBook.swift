/// The room prompts of the conversation coach, several wordings for each kind.
public struct PromptBook: Sendable, Equatable {
    /// When a prompt is offered.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// When a pair room opens.
        case opening
        /// After a silence in the room.
        case silence
        /// When someone moves to leave.
        case closing
        /// Privately, to someone asking all the questions.
        case mutualityQuestions = "mutuality-questions"
        /// Privately, to someone doing all the giving.
        case mutualityGiving = "mutuality-giving"
    }

    /// The wordings of one kind of prompt and the IPS task they serve.
    public struct Variants: Sendable, Equatable {
        /// The task every wording of this kind serves.
        public let task: IPSTask
        /// The wordings; a room never hears the same one twice.
        public let texts: [String]
        /// The line the kind starts on.
        public let line: Int
    }

    /// The wordings by kind; a kind without wordings is never offered.
    public var variants: [Kind: Variants]

    /// A book with the given wordings.
    public init(variants: [Kind: Variants]) {
        self.variants = variants
    }
}
