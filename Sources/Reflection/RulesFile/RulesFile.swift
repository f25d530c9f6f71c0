/// What one rules file says, before it is laid over (or replaces) another book.
struct RulesFile {
    /// How a deployment's file combines with the bundled rules.
    enum Mode: String {
        /// Same-named items replace, new ones are added, `disable` removes rules.
        case extend
        /// The file's families, classes, aliases, guards and rules are the whole set.
        case replace
    }

    /// A class as written: a full definition, or phrases to add to an existing class.
    struct ClassEntry {
        let wordClass: WordClass
        let adds: Bool
    }

    /// A shared guard list.
    struct NamedGuards: Sendable, Equatable {
        let name: String
        let guards: [Guard]
        let line: Int
    }

    var mode: Mode = .extend
    var families: [(name: String, line: Int)] = []
    var classes: [ClassEntry] = []
    var aliases: [Alias] = []
    var guards: [NamedGuards] = []
    var rules: [Rule] = []
    var disable: [(id: String, line: Int)] = []
    var prompts: [PromptBook.Kind: PromptBook.Variants] = [:]
    var support: SupportResources?
}
