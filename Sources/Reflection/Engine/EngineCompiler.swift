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
}

/// Compiled patterns indexed by the tokens they can start on, so most words cost one empty lookup.
struct PatternIndex: Sendable {
    /// Pattern `i` belongs to rule `rule[i]` (of family `family[i]`) and starts at step `start[i]`.
    var rule: [Int32] = []
    var family: [Int32] = []
    var start: [Int32] = []
    /// Words a message must hold for pattern `i` to have a chance: groups
    /// `requirementGroups[requirementOffsets[i] ..< requirementOffsets[i + 1]]`, each a range of
    /// `requirementWords` of which at least one must appear. Checked once per message, before the first attempt.
    var requirementOffsets: [Int32] = [0]
    var requirementGroups: [Range<Int32>] = []
    var requirementWords: [Int32] = []
    /// Patterns that can start on word id `w`: `byWord[wordOffsets[w]..<wordOffsets[w + 1]]`.
    var wordOffsets: [Int32] = []
    var byWord: [Int32] = []
    /// Patterns that can start on a token of a kind (`{PHONE}`…), by `TokenKind.rawValue`.
    var byKind: [[Int32]] = Array(repeating: [], count: TokenKind.allCases.count)
    /// Patterns that can start with a `prefix*` word, with the prefix's first byte as a quick filter.
    var byPrefix: [(firstByte: UInt8, pattern: Int32)] = []
    /// Patterns that can start on any token (`^ _ …`); their `^` makes most attempts fail at once.
    var anyToken: [Int32] = []
}

/// The flat parts of a `PatternIndex`, borrowed for one analysis.
struct IndexTables {
    let rule: UnsafeBufferPointer<Int32>
    let family: UnsafeBufferPointer<Int32>
    let start: UnsafeBufferPointer<Int32>
    let wordOffsets: UnsafeBufferPointer<Int32>
    let byWord: UnsafeBufferPointer<Int32>
    let requirementOffsets: UnsafeBufferPointer<Int32>
    let requirementGroups: UnsafeBufferPointer<Range<Int32>>
    let requirementWords: UnsafeBufferPointer<Int32>
    let byKind: [[Int32]]
    let anyToken: [Int32]
    let byPrefix: [(firstByte: UInt8, pattern: Int32)]
}

extension PatternIndex {
    /// Runs `body` with the index borrowed as buffers.
    func withTables<Result>(_ body: (IndexTables) -> Result) -> Result {
        rule.withUnsafeBufferPointer { rule in
            family.withUnsafeBufferPointer { family in
                start.withUnsafeBufferPointer { start in
                    wordOffsets.withUnsafeBufferPointer { wordOffsets in
                        byWord.withUnsafeBufferPointer { byWord in
                            requirementOffsets.withUnsafeBufferPointer { requirementOffsets in
                                requirementGroups.withUnsafeBufferPointer { requirementGroups in
                                    requirementWords.withUnsafeBufferPointer { requirementWords in
                                        body(IndexTables(
                                            rule: rule, family: family, start: start, wordOffsets: wordOffsets,
                                            byWord: byWord, requirementOffsets: requirementOffsets,
                                            requirementGroups: requirementGroups, requirementWords: requirementWords,
                                            byKind: byKind, anyToken: anyToken, byPrefix: byPrefix))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Turns a `RuleBook` into the engine's tables.
struct EngineCompiler {
    let book: RuleBook
    private var builder: ProgramBuilder

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
            namedGuards[list.name] = list.guards.map { CompiledGuard(start: builder.compile($0.pattern.nodes), scope: $0.scope) }
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
        var index = Self.index(patterns, program: program, builder: builder, wordCount: lexicon.count)
        index.family = patterns.map { rules[Int($0.rule)].family }
        for groups in requirements {
            // Small groups first: a single missing word rules a pattern out fastest.
            for group in groups.sorted(by: { $0.count < $1.count }) {
                let start = Int32(index.requirementWords.count)
                index.requirementWords += group
                index.requirementGroups.append(start..<Int32(index.requirementWords.count))
            }
            index.requirementOffsets.append(Int32(index.requirementGroups.count))
        }
        let tokenizer = Tokenizer(lexicon: lexicon, contractionWords: builder.contractionWords)
        return (tokenizer, program, index, rules, starters)
    }

    /// For each word the pattern needs after its first, the set of words that can stand there.
    private mutating func requirements(_ nodes: [PatternNode]) -> [[Int32]] {
        var rest = nodes[...]
        if case .clauseStart = rest.first { rest = rest.dropFirst() }
        var groups: [[Int32]] = []
        for node in rest.dropFirst() {
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
            case .inline(let item): return [CompiledGuard(start: builder.compile(item.pattern.nodes), scope: item.scope)]
            }
        }
    }

    private static func index(_ patterns: [(rule: Int32, start: Int32)], program: Program, builder: ProgramBuilder,
                              wordCount: Int) -> PatternIndex {
        var index = PatternIndex()
        var buckets = [[Int32]](repeating: [], count: wordCount)
        for (number, pattern) in patterns.enumerated() {
            let id = Int32(number)
            index.rule.append(pattern.rule)
            index.start.append(pattern.start)
            var words = Set<Int32>()
            for step in firstSteps(program.steps, from: Int(pattern.start)) {
                switch step {
                case .word(let word): words.insert(word)
                case .wordIn(let set): words.formUnion(builder.members(of: set))
                case .trie(let root): words.formUnion(builder.firstWords(ofTrie: root))
                case .kind(let kind): index.byKind[Int(kind.rawValue)].append(id)
                case .prefix(let prefix):
                    if let first = program.prefixes[Int(prefix)].first { index.byPrefix.append((first, id)) }
                case .any: index.anyToken.append(id)
                default: break
                }
            }
            for word in words { buckets[Int(word)].append(id) }
        }
        index.wordOffsets.reserveCapacity(wordCount + 1)
        for bucket in buckets {
            index.wordOffsets.append(Int32(index.byWord.count))
            index.byWord.append(contentsOf: bucket)
        }
        index.wordOffsets.append(Int32(index.byWord.count))
        return index
    }

    /// The token-consuming steps reachable from `start` without consuming anything.
    private static func firstSteps(_ steps: [Step], from start: Int) -> [Step] {
        var found: [Step] = []
        var pending = [start]
        var seen = Set<Int>()
        while let pc = pending.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch steps[pc] {
            case .split(let first, let second): pending.append(Int(first)); pending.append(Int(second))
            case .jump(let target): pending.append(Int(target))
            case .atStart, .atEnd: pending.append(pc + 1)
            default: found.append(steps[pc])
            }
        }
        return found
    }
}
