/// A rule as the search needs it: its family's position and its compiled guards.
struct CompiledRule: Sendable {
    let family: Int32
    let unless: [CompiledGuard]
    let requires: [CompiledGuard]
}

/// A guard's program and where to look for it.
struct CompiledGuard: Sendable {
    let start: Int32
    let scope: Guard.Scope
    /// The set of words the guard can start on, or -1 when it can start on anything: a scan over a sentence
    /// only runs the guard where it could begin.
    let firstWords: Int32
    /// Which guard it is: its required words sit in `PatternIndex.requirementOffsets` after the patterns',
    /// at slot `patternCount + id`, so a guard whose words are not in the message is passed over unmatched.
    let id: Int32
}

/// Turns a `RuleBook` into the engine's tables.
struct EngineCompiler {
    let book: RuleBook
    private var builder: ProgramBuilder
    /// Per compiled guard, the word groups its pattern needs (all of them, its first word included).
    private var guardRequirements: [[[Int32]]] = []

    init(book: RuleBook) {
        self.book = book
        var lexicon = Lexicon()
        let contractionWords = ContractionWords(lexicon: &lexicon)
        builder = ProgramBuilder(lexicon: lexicon, contractionWords: contractionWords, classes: book.classes)
        // Meanings are normalised before any alias exists, so an alias never expands into another alias.
        let meanings = book.aliases.map { builder.words($0.meaning) }
        for (alias, meaning) in zip(book.aliases, meanings) { builder.lexicon.alias(Array(alias.surface.utf8), to: meaning) }
    }

    mutating func compile() -> (tokenizer: Tokenizer, program: Program, index: PatternIndex, rules: [CompiledRule],
                                questionStarters: Set<Int32>) {
        let familyIndex = Dictionary(book.families.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        var namedGuards: [String: [CompiledGuard]] = [:]
        for list in book.guards {
            namedGuards[list.name] = list.guards.map { compileGuard($0) }
        }
        var rules: [CompiledRule] = []
        var patterns: [(rule: Int32, start: Int32)] = []
        var requirements: [[[Int32]]] = []
        for (ruleIndex, rule) in book.rules.enumerated() {
            for pattern in rule.patterns {
                patterns.append((Int32(ruleIndex), builder.compile(pattern.nodes)))
                requirements.append(self.requirements(pattern.nodes))
            }
            rules.append(CompiledRule(
                family: familyIndex[rule.family] ?? 0,
                unless: guards(rule.unless, named: namedGuards),
                requires: guards(rule.requires, named: namedGuards)))
        }
        var starters = Set<Int32>()
        if let questionClass = book.classes.first(where: { $0.name == "QUESTION_START" }) {
            for phrase in questionClass.phrases {
                if case .literal(let word) = phrase.nodes.first, let id = builder.words(word).first { starters.insert(id) }
            }
        }
        let (program, lexicon) = builder.finish()
        var index = PatternIndex(patterns, program: program, builder: builder, wordCount: lexicon.count)
        index.family = patterns.map { rules[Int($0.rule)].family }
        var groupIDs: [[Int32]: Int32] = [:]
        for groups in requirements + guardRequirements {
            // Small groups first: a single missing word rules a pattern out fastest.
            for group in Set(groups).sorted(by: { $0.count < $1.count }) {
                if let id = groupIDs[group] {
                    index.requirementIDs.append(id)
                    continue
                }
                let start = Int32(index.requirementWords.count)
                index.requirementWords += group
                index.requirementGroups.append(start..<Int32(index.requirementWords.count))
                let id = Int32(index.requirementGroups.count - 1)
                groupIDs[group] = id
                index.requirementIDs.append(id)
            }
            index.requirementOffsets.append(Int32(index.requirementIDs.count))
        }
        let tokenizer = Tokenizer(lexicon: lexicon, contractionWords: builder.contractionWords)
        return (tokenizer, program, index, rules, starters)
    }

    /// For each word the pattern needs after its first (or from its first, for a guard, which is not indexed
    /// by its first word), the set of words that can stand there.
    private mutating func requirements(_ nodes: [PatternNode], includingFirst: Bool = false) -> [[Int32]] {
        var rest = nodes[...]
        if case .clauseStart = rest.first { rest = rest.dropFirst() }
        if !includingFirst { rest = rest.dropFirst() }
        var groups: [[Int32]] = []
        for node in rest {
            switch node {
            case .literal(let text): groups += builder.words(text).map { [$0] }
            case .choice(let branches, false): if let set = firstWords(branches) { groups.append(set) }
            case .slot(let name): if let set = classFirstWords(name) { groups.append(set) }
            default: continue
            }
        }
        return groups
    }

    /// The words any branch must start with, or nil when a branch could start with anything.
    private mutating func firstWords(_ branches: [[PatternNode]], depth: Int = 0) -> [Int32]? {
        var words = Set<Int32>()
        for branch in branches {
            switch branch.first {
            case .literal(let text)?:
                guard let first = builder.words(text).first else { return nil }
                words.insert(first)
            case .choice(let inner, false)?:
                guard depth < 4, let set = firstWords(inner, depth: depth + 1) else { return nil }
                words.formUnion(set)
            case .slot(let name)?:
                guard depth < 4, let set = classFirstWords(name, depth: depth + 1) else { return nil }
                words.formUnion(set)
            default:
                return nil
            }
        }
        return words.count <= 64 ? words.sorted() : nil
    }

    private mutating func classFirstWords(_ name: String, depth: Int = 0) -> [Int32]? {
        guard let wordClass = book.classes.last(where: { $0.name == name }) else { return nil }
        return firstWords(wordClass.phrases.map(\.nodes), depth: depth)
    }

    private mutating func guards(_ references: [GuardReference], named: [String: [CompiledGuard]]) -> [CompiledGuard] {
        references.flatMap { reference -> [CompiledGuard] in
            switch reference {
            case .named(let name, _): return named[name] ?? []
            case .inline(let item): return [compileGuard(item)]
            }
        }
    }

    private mutating func compileGuard(_ item: Guard) -> CompiledGuard {
        guardRequirements.append(requirements(item.pattern.nodes, includingFirst: true))
        let start = builder.compile(item.pattern.nodes)
        var words: [Int32] = []
        var anyStart = false
        for step in PatternIndex.firstSteps(builder.program.steps, from: Int(start)) {
            switch step {
            case .word(let word): words.append(word)
            case .wordIn(let set): words += builder.members(of: set)
            case .trie(let root): words += builder.firstWords(ofTrie: root)
            default: anyStart = true
            }
        }
        return CompiledGuard(start: start, scope: item.scope, firstWords: anyStart ? -1 : builder.addSet(words),
                             id: Int32(guardRequirements.count - 1))
    }

}
