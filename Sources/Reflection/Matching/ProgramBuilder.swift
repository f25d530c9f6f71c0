/// Compiles parsed patterns into `Program` steps, interning every word into the lexicon on the way.
///
/// Written words go through the same tokenizer as messages, so a rule that says "what's" matches "whats"
/// and "what is" alike, and a rule that says "u" means "you".
struct ProgramBuilder {
    var lexicon: Lexicon
    let contractionWords: ContractionWords
    let classes: [String: WordClass]
    var program = Program()
    private var setMembers: [[Int32]] = []
    private var tries = TrieBuilder()
    private var classAlternatives: [String: Alternatives] = [:]

    init(lexicon: Lexicon, contractionWords: ContractionWords, classes: [WordClass]) {
        self.lexicon = lexicon
        self.contractionWords = contractionWords
        self.classes = Dictionary(classes.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The canonical word ids a written phrase normalises to; new words are added to the lexicon.
    mutating func words(_ phrase: String) -> [Int32] {
        var stream = TokenStream(capacity: phrase.utf8.count)
        do {
            let tokenizer = Tokenizer(lexicon: lexicon, contractionWords: contractionWords)
            tokenizer.tokenize(phrase, into: &stream)
        }
        return stream.tokens.map { token in
            if token.word >= 0 { return token.word }
            let start = Int(token.textStart)
            return lexicon.intern(stream.text[start..<start + Int(token.textLength)])
        }
    }

    /// Compiles one pattern and returns its first step.
    mutating func compile(_ nodes: [PatternNode]) -> Int32 {
        let start = Int32(program.steps.count)
        emit(nodes)
        program.steps.append(.accept)
        return start
    }

    /// Turns the collected word sets into bitsets sized for the final lexicon, and lays out the tries.
    mutating func finish() -> (Program, Lexicon) {
        if let openers = classes["OPENERS"] {
            // `^` looks back one word at a time, so only one-word openers count: a phrase such as
            // "to be honest" is passed over rather than turning every opener off.
            setMembers.append(openers.phrases.compactMap { phrase in
                plainWords(phrase.nodes).flatMap { $0.count == 1 ? $0[0] : nil }
            })
            program.openers = Int32(setMembers.count - 1)
        }
        tries.write(into: &program)
        program.setWords = (lexicon.count + 63) / 64
        program.sets = Array(repeating: 0, count: program.setWords * setMembers.count)
        for (index, members) in setMembers.enumerated() {
            for word in members {
                program.sets[index * program.setWords + Int(word) >> 6] |= 1 << UInt64(word & 63)
            }
        }
        return (program, lexicon)
    }

    /// Adds a set of words (laid out as a bitset by `finish`) and returns its number.
    mutating func addSet(_ members: [Int32]) -> Int32 {
        setMembers.append(members)
        return Int32(setMembers.count - 1)
    }

    /// The words a set holds (for indexing patterns by their first word).
    func members(of set: Int32) -> [Int32] { setMembers[Int(set)] }

    /// The words a trie can start with (for indexing patterns by their first word).
    func firstWords(ofTrie root: Int32) -> [Int32] { tries.firstWords(root) }

    private mutating func emit(_ nodes: [PatternNode]) {
        for node in nodes {
            switch node {
            case .literal(let text):
                for word in words(text) { program.steps.append(.word(word)) }
            case .prefix(let text):
                program.prefixes.append(Array(text.lowercased().utf8))
                program.steps.append(.prefix(Int32(program.prefixes.count - 1)))
            case .slot(let name):
                if let kind = TokenKind.allCases.first(where: { $0.className == name }) {
                    program.steps.append(.kind(kind))
                } else {
                    emitClass(name)
                }
            case .anyWord:
                program.steps.append(.any)
            case .clauseStart:
                program.steps.append(.atStart)
            case .clauseEnd:
                program.steps.append(.atEnd)
            case .gap(let size):
                emitGap(size)
            case .choice(let branches, let optional):
                emitAlternatives(alternatives(branches), optional: optional)
            }
        }
    }

    private mutating func emitClass(_ name: String) {
        if classAlternatives[name] == nil, let wordClass = classes[name] {
            classAlternatives[name] = alternatives(wordClass.phrases.map(\.nodes))
        }
        guard let compiled = classAlternatives[name] else { return }
        emitAlternatives(compiled, optional: false)
    }

    /// A choice compiled for speed: branches of plain words become one set test (all single words) or one
    /// phrase trie; the rest stay sequences tried in turn.
    private struct Alternatives {
        var plain: Step?
        var others: [[PatternNode]]
    }

    private mutating func alternatives(_ branches: [[PatternNode]]) -> Alternatives {
        var phrases: [[Int32]] = []
        var others: [[PatternNode]] = []
        for branch in branches {
            if let phrase = plainWords(branch) { phrases.append(phrase) } else { others.append(branch) }
        }
        guard !phrases.isEmpty else { return Alternatives(plain: nil, others: others) }
        if phrases.allSatisfy({ $0.count == 1 }) {
            setMembers.append(phrases.map { $0[0] })
            return Alternatives(plain: .wordIn(Int32(setMembers.count - 1)), others: others)
        }
        return Alternatives(plain: .trie(tries.add(phrases)), others: others)
    }

    /// The word ids of a branch made only of written words, or nil.
    private mutating func plainWords(_ branch: [PatternNode]) -> [Int32]? {
        var phrase: [Int32] = []
        for node in branch {
            guard case .literal(let text) = node else { return nil }
            phrase += words(text)
        }
        return phrase.isEmpty ? nil : phrase
    }

    /// Sequences are tried first (longest first), then the set or trie, then (if optional) nothing.
    private mutating func emitAlternatives(_ alternatives: Alternatives, optional: Bool) {
        var bodies: [Either] = alternatives.others.sorted { $0.count > $1.count }.map { .sequence($0) }
        if let plain = alternatives.plain { bodies.append(.step(plain)) }
        if optional { bodies.append(.nothing) }
        var jumpsToEnd: [Int] = []
        for (index, body) in bodies.enumerated() {
            let isLast = index == bodies.count - 1
            var split = -1
            if !isLast {
                split = program.steps.count
                program.steps.append(.split(Int32(split + 1), -1))
            }
            switch body {
            case .sequence(let nodes): emit(nodes)
            case .step(let step): program.steps.append(step)
            case .nothing: break
            }
            if !isLast {
                jumpsToEnd.append(program.steps.count)
                program.steps.append(.jump(-1))
                program.steps[split] = .split(Int32(split + 1), Int32(program.steps.count))
            }
        }
        let end = Int32(program.steps.count)
        for jump in jumpsToEnd { program.steps[jump] = .jump(end) }
    }

    private enum Either {
        case sequence([PatternNode])
        case step(Step)
        case nothing
    }

    /// A lazy gap: try to go on at once, else take one more word, up to `size` words.
    private mutating func emitGap(_ size: Int) {
        var splits: [Int] = []
        for _ in 0..<size {
            splits.append(program.steps.count)
            program.steps.append(.split(-1, Int32(program.steps.count + 1)))
            program.steps.append(.any)
        }
        let exit = Int32(program.steps.count)
        for split in splits { program.steps[split] = .split(exit, Int32(split + 1)) }
    }
}
