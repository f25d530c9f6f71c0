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
    private var classSets: [String: (set: Int32?, others: [[PatternNode]])] = [:]

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

    /// Turns the collected word sets into bitsets sized for the final lexicon.
    mutating func finish() -> (Program, Lexicon) {
        if classes["OPENERS"] != nil {
            emitClass("OPENERS")
            if case .wordIn(let set) = program.steps.last { program.openers = set }
        }
        program.setWords = (lexicon.count + 63) / 64
        program.sets = Array(repeating: 0, count: program.setWords * setMembers.count)
        for (index, members) in setMembers.enumerated() {
            for word in members {
                program.sets[index * program.setWords + Int(word) >> 6] |= 1 << UInt64(word & 63)
            }
        }
        return (program, lexicon)
    }

    /// The words a set holds (for indexing patterns by their first word).
    func members(of set: Int32) -> [Int32] { setMembers[Int(set)] }

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
                let (set, others) = splitSingleWords(branches)
                emitAlternatives(set: set, others: others, optional: optional)
            }
        }
    }

    private mutating func emitClass(_ name: String) {
        if classSets[name] == nil, let wordClass = classes[name] {
            classSets[name] = splitSingleWords(wordClass.phrases.map(\.nodes))
        }
        guard let (set, others) = classSets[name] else { return }
        emitAlternatives(set: set, others: others, optional: false)
    }

    /// Branches that are one plain word become one set test; the rest stay sequences.
    private mutating func splitSingleWords(_ branches: [[PatternNode]]) -> (Int32?, [[PatternNode]]) {
        var singles: [Int32] = []
        var others: [[PatternNode]] = []
        for branch in branches {
            if branch.count == 1, case .literal(let text) = branch[0] {
                let ids = words(text)
                if ids.count == 1 { singles.append(ids[0]); continue }
            }
            others.append(branch)
        }
        guard !singles.isEmpty else { return (nil, others) }
        setMembers.append(singles)
        return (Int32(setMembers.count - 1), others)
    }

    /// Longer sequences are tried first (so spans cover whole phrases), then the set, then nothing.
    private mutating func emitAlternatives(set: Int32?, others: [[PatternNode]], optional: Bool) {
        var bodies: [Either] = others.sorted { $0.count > $1.count }.map { .sequence($0) }
        if let set { bodies.append(.set(set)) }
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
            case .set(let set): program.steps.append(.wordIn(set))
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
        case set(Int32)
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
