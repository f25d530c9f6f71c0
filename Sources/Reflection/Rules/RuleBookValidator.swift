/// Checks that a whole book hangs together: every family declared, every class and guard defined, every
/// pattern able to start on a real word. Runs after a deployment's file is laid over the bundled rules, so
/// a file may use the bundled classes and guards.
enum RuleBookValidator {
    static func validate(_ book: RuleBook) throws(RulesFileError) {
        let families = Set(book.families)
        var classNames = Set(book.classes.map(\.name))
        for kind in TokenKind.allCases { if let name = kind.className { classNames.insert(name) } }
        let guardNames = Set(book.guards.map(\.name))
        for list in book.guards {
            for item in list.guards { try check(item.pattern, classes: classNames) }
        }
        for rule in book.rules {
            guard families.contains(rule.family) else {
                throw RulesFileError(line: rule.familyLine, .unknownFamily(rule.family))
            }
            for pattern in rule.patterns { try check(pattern, classes: classNames) }
            for reference in rule.unless + rule.requires {
                switch reference {
                case .named(let name, let line):
                    guard guardNames.contains(name) else { throw RulesFileError(line: line, .unknownGuard(name)) }
                case .inline(let item):
                    try check(item.pattern, classes: classNames)
                }
            }
        }
    }

    private static func check(_ pattern: Pattern, classes: Set<String>) throws(RulesFileError) {
        for name in pattern.classNames where !classes.contains(name) {
            throw RulesFileError(line: pattern.line, .unknownClass(name))
        }
        guard startsOnWord(pattern.nodes[...]) else {
            throw RulesFileError(line: pattern.line, .invalidPattern(pattern.source, reason: "it must begin with a word, a class, or ^"))
        }
    }

    /// A pattern is indexed by the words it can start with, so it may not start with `_` or match nothing.
    private static func startsOnWord(_ nodes: ArraySlice<PatternNode>) -> Bool {
        guard let first = nodes.first else { return false }
        switch first {
        case .literal, .prefix, .slot: return true
        case .anyWord, .gap, .clauseEnd: return false
        case .clauseStart:
            // `^ _` is allowed: anchored, it is tried only where a clause starts.
            if case .anyWord = nodes.dropFirst().first { return true }
            return startsOnWord(nodes.dropFirst())
        case .choice(let branches, let optional):
            let rest = nodes.dropFirst()
            if optional && !startsOnWord(rest) { return false }
            return branches.allSatisfy { startsOnWord(($0 + Array(rest))[...]) }
        }
    }

    /// A class phrase is plain words, each optionally ending in `*`.
    static func checkPhrase(_ phrase: Pattern) throws(RulesFileError) {
        for node in phrase.nodes {
            switch node {
            case .literal, .prefix: continue
            default:
                throw RulesFileError(line: phrase.line, .invalidPattern(phrase.source, reason: "class phrases are plain words"))
            }
        }
    }
}
