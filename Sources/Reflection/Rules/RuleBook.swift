/// The validated contents of a rules file: families, classes, aliases, guards, rules, prompts and support.
///
/// A `RuleBook` can only be made by loading JSON, so every book is valid; `ReflectionEngine(book:)`
/// compiles it. Deployments start from `bundled()` and lay their own file over it with `applying(jsonBytes:)`.
public struct RuleBook: Sendable, Equatable {
    /// Family names in the order suggestions are reported.
    public internal(set) var families: [String] = []
    /// Named phrase lists used as `{NAME}` in patterns.
    public internal(set) var classes: [WordClass] = []
    /// Texting spellings and their meanings.
    public internal(set) var aliases: [Alias] = []
    /// Shared guard lists, by name.
    var guards: [RulesFile.NamedGuards] = []
    /// Rules in precedence order.
    public internal(set) var rules: [Rule] = []
    /// Room prompts for the conversation coach.
    public internal(set) var prompts = PromptBook(variants: [:])
    /// What someone in crisis is offered.
    public internal(set) var support = SupportResources(text: "", resources: [])

    /// Reads a complete rules file (the `mode` field is ignored: nothing is under it).
    public static func load(jsonBytes: [UInt8]) throws(RulesFileError) -> RuleBook {
        var book = RuleBook()
        try book.lay(RuleBookDecoder.file(JSONReader.parse(jsonBytes)), replacing: true)
        try RuleBookValidator.validate(book)
        return book
    }

    /// The bundled rules file's text, for operators who want to start their own from it.
    public static let bundledJSON = BundledRules.json

    /// The rules that ship with Withness.
    public static func bundled() throws(RulesFileError) -> RuleBook {
        try load(jsonBytes: Array(BundledRules.json.utf8))
    }

    /// This book with a deployment's file laid over it, as the file's `mode` says (`extend` by default):
    /// in `extend` mode same-named rules, classes, aliases and guards replace these and new ones are added,
    /// and `disable` removes rules; in `replace` mode the file's families, classes, aliases, guards and rules
    /// are the whole set. Either way, prompt kinds and `support` given in the file replace these.
    public func applying(jsonBytes: [UInt8]) throws(RulesFileError) -> RuleBook {
        let file = try RuleBookDecoder.file(JSONReader.parse(jsonBytes))
        var book = self
        try book.lay(file, replacing: file.mode == .replace)
        try RuleBookValidator.validate(book)
        return book
    }

    private mutating func lay(_ file: RulesFile, replacing: Bool) throws(RulesFileError) {
        if replacing {
            families = []
            classes = []
            aliases = []
            guards = []
            rules = []
        }
        for family in file.families where !families.contains(family.name) { families.append(family.name) }
        for entry in file.classes { try layClass(entry) }
        for alias in file.aliases { replaceOrAppend(&aliases, alias) { $0.surface == alias.surface } }
        for list in file.guards { replaceOrAppend(&guards, list) { $0.name == list.name } }
        for rule in file.rules { replaceOrAppend(&rules, rule) { $0.id == rule.id } }
        for (id, line) in file.disable {
            guard rules.contains(where: { $0.id == id }) else { throw RulesFileError(line: line, .unknownRule(id)) }
            rules.removeAll { $0.id == id }
        }
        prompts.variants.merge(file.prompts) { _, new in new }
        if let support = file.support { self.support = support }
    }

    private mutating func layClass(_ entry: RulesFile.ClassEntry) throws(RulesFileError) {
        let wordClass = entry.wordClass
        guard entry.adds else {
            replaceOrAppend(&classes, wordClass) { $0.name == wordClass.name }
            return
        }
        guard let index = classes.firstIndex(where: { $0.name == wordClass.name }) else {
            throw RulesFileError(line: wordClass.line, .unknownClass(wordClass.name))
        }
        let old = classes[index]
        classes[index] = WordClass(name: old.name, phrases: old.phrases + wordClass.phrases, line: old.line)
    }

    private func replaceOrAppend<T>(_ items: inout [T], _ item: T, where same: (T) -> Bool) {
        if let index = items.firstIndex(where: same) { items[index] = item } else { items.append(item) }
    }
}
