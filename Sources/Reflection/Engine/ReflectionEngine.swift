/// The compiled rules: analyses a message and says which reframes to offer.
///
/// Built once from a `RuleBook` (at start-up), then shared by every thread: it is an immutable value and
/// `analyse` allocates only the token buffers and the result. It never changes or holds up a message; the
/// caller decides what to do with the suggestions.
public struct ReflectionEngine: Sendable {
    /// The book the engine was compiled from.
    public let book: RuleBook
    let tokenizer: Tokenizer
    let program: Program
    let index: PatternIndex
    let rules: [CompiledRule]
    let templates: [Suggestion]
    let familyCount: Int
    let questionStarters: Set<Int32>
    let learned: CompiledModel?

    /// Compiles `book`: interns every word, builds the step program and indexes patterns by the words they start with.
    /// With a `model`, families the rules miss can still be offered when the model is confident (see `LearnedModel`).
    public init(book: RuleBook, model: LearnedModel? = nil) {
        self.book = book
        var compiler = EngineCompiler(book: book)
        let compiled = compiler.compile()
        tokenizer = compiled.tokenizer
        program = compiled.program
        index = compiled.index
        rules = compiled.rules
        questionStarters = compiled.questionStarters
        familyCount = book.families.count
        templates = book.rules.map {
            Suggestion(rule: $0.id, family: $0.family, task: $0.task, principle: $0.principle, text: $0.text,
                       why: $0.why, span: 0..<0)
        }
        learned = model.map { CompiledModel(model: $0, book: book, lexicon: compiled.tokenizer.lexicon) }
    }

    /// The engine for the bundled rules and the bundled learned model.
    public static func bundled() throws(RulesFileError) -> ReflectionEngine {
        ReflectionEngine(book: try RuleBook.bundled(), model: LearnedModel.bundled)
    }

    /// The learned model in use, if any.
    public var model: LearnedModel? { learned?.model }

    /// What someone in crisis is offered (from the rules file's `support` section).
    public var support: SupportResources { book.support }

    /// The coach's prompt wordings (from the rules file's `prompts` section).
    public var prompts: PromptBook { book.prompts }

    /// Finds the suggestions for `text`: for each family, the earliest match of its highest-precedence rule
    /// whose guards allow it.
    public func analyse(_ text: String) -> ReflectionResult {
        var stream = TokenStream(capacity: text.utf8.count)
        tokenizer.tokenize(text, into: &stream)
        let suggestions = withUnsafeTemporaryAllocation(of: Int32.self, capacity: familyCount) { bestRule in
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: familyCount) { spans in
                bestRule.initialize(repeating: FamilyMark.none)
                spans.initialize(repeating: 0..<0)
                search(stream, bestRule: bestRule, spans: spans)
                learned?.score(stream, bestRule: bestRule, spans: spans)
                var suggestions: [Suggestion] = []
                for family in 0..<familyCount {
                    switch bestRule[family] {
                    case FamilyMark.none, FamilyMark.vetoed:
                        continue
                    case FamilyMark.learned:
                        if let template = learned?.templates[family] { suggestions.append(template.at(spans[family])) }
                    case let rule:
                        suggestions.append(templates[Int(rule)].at(spans[family]))
                    }
                }
                return suggestions
            }
        }
        return ReflectionResult(suggestions: suggestions, questions: questionCount(stream))
    }

    private func search(_ stream: TokenStream, bestRule: UnsafeMutableBufferPointer<Int32>,
                        spans: UnsafeMutableBufferPointer<Range<Int>>) {
        stream.tokens.withUnsafeBufferPointer { tokens in
            stream.text.withUnsafeBufferPointer { normalised in
                stream.sentenceStarts.withUnsafeBufferPointer { sentenceStarts in
                    stream.quotes.withUnsafeBufferPointer { quotes in
                        search(tokens: tokens, normalised: normalised, sentenceStarts: sentenceStarts, quotes: quotes,
                               bestRule: bestRule, spans: spans)
                    }
                }
            }
        }
    }

    private func search(tokens: UnsafeBufferPointer<Token>, normalised: UnsafeBufferPointer<UInt8>,
                        sentenceStarts: UnsafeBufferPointer<Int32>, quotes: UnsafeBufferPointer<Range<Int32>>,
                        bestRule: UnsafeMutableBufferPointer<Int32>, spans: UnsafeMutableBufferPointer<Range<Int>>) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: program.setWords) { present in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: index.rule.count + index.requirementGroups.count) { state in
                present.initialize(repeating: 0)
                state.initialize(repeating: 0)
                let viable = UnsafeMutableBufferPointer(rebasing: state[..<index.rule.count])
                let groupState = UnsafeMutableBufferPointer(rebasing: state[index.rule.count...])
                for token in tokens where token.word >= 0 {
                    present[Int(token.word) >> 6] |= 1 << UInt64(token.word & 63)
                }
                program.withTables { steps, sets, trie in
                    index.withTables { indexTables in
                        let matcher = Matcher(
                            steps: steps, sets: sets, setWords: program.setWords, prefixes: program.prefixes,
                            openers: program.openers, trie: trie, tokens: tokens, text: normalised)
                        Search(
                            matcher: matcher, index: indexTables, rules: rules, sentenceStarts: sentenceStarts,
                            quotes: quotes, present: UnsafeBufferPointer(present), viable: viable,
                            groupState: groupState, bestRule: bestRule, spans: spans
                        ).run()
                    }
                }
            }
        }
    }

    private func questionCount(_ stream: TokenStream) -> Int {
        var opened = 0
        for sentence in 0..<stream.sentenceStarts.count - 1 {
            let first = Int(stream.sentenceStarts[sentence])
            if first < stream.tokens.count, questionStarters.contains(stream.tokens[first].word) { opened += 1 }
        }
        return max(opened, stream.questionMarks)
    }
}
