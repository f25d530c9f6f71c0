import Reflection
import Testing

/// The learned layer beside the rules: training, the model file, how its suggestions are made, and the vetoes.
@Suite("Learned model")
struct LearnedModelTests {
    /// Lines where an invented word ("zorblat") is the only sign of advice, with matched negatives: whatever the
    /// model learns about the word cannot have come from the rules.
    static let zorblatLines: [LearnedModelTrainer.Example] = [
        .init(text: "grab yourself a zorblat tonight", labels: ["fixing"]),
        .init(text: "u need a zorblat mate", labels: ["fixing"]),
        .init(text: "a zorblat sorts it, trust me", labels: ["fixing"]),
        .init(text: "get a zorblat, can't go wrong", labels: ["fixing"]),
        .init(text: "zorblat before bed, honestly", labels: ["fixing"]),
        .init(text: "pick up a zorblat on the way home", labels: ["fixing"]),
        .init(text: "the weather is grey again today", labels: []),
        .init(text: "thanks for listening tonight", labels: []),
        .init(text: "my cat is asleep on the radiator", labels: []),
        .init(text: "I had a long walk by the canal", labels: []),
        .init(text: "it was good to hear from you", labels: []),
        .init(text: "we talked about our week", labels: []),
    ]

    static func zorblatModel() throws -> (LearnedModel, RuleBook) {
        let book = try RuleBook.bundled()
        var settings = LearnedModelTrainer.Settings()
        settings.minimumCount = 2
        let model = LearnedModelTrainer(book: book, settings: settings)
            .train(zorblatLines, rules: ["fixing": "fixing-advice"])
        return (model, book)
    }

    @Test("a family the rules miss is offered with its borrowed words, rule learned-<family> and the sentence as span")
    func offersWhatRulesMiss() throws {
        let (model, book) = try Self.zorblatModel()
        let text = "Long day. Grab a zorblat!"
        #expect(!ReflectionEngine(book: book).analyse(text).families.contains("fixing"))
        let result = ReflectionEngine(book: book, model: model).analyse(text)
        let suggestion = try #require(result.suggestions.first { $0.family == "fixing" })
        let advice = try #require(book.rules.first { $0.id == "fixing-advice" })
        #expect(suggestion.rule == "learned-fixing")
        #expect(suggestion.text == advice.text)
        #expect(suggestion.why == advice.why)
        #expect(suggestion.span == 10..<24)  // "Grab a zorblat"
        #expect(result.isGiving)
    }

    @Test("messages without the learned signs draw nothing from the model")
    func quietWithoutSigns() throws {
        let (model, book) = try Self.zorblatModel()
        let engine = ReflectionEngine(book: book, model: model)
        #expect(engine.analyse("the canal was grey and my cat slept all day").suggestions.isEmpty)
    }

    @Test("a threshold of 1 switches a family off")
    func thresholdSwitchesOff() throws {
        let (model, book) = try Self.zorblatModel()
        let engine = ReflectionEngine(book: book, model: model.withThresholds(["fixing": 1]))
        #expect(!engine.analyse("Grab a zorblat!").families.contains("fixing"))
    }

    @Test("a family with cue words is offered only when a cue is present, and not in a negated clause")
    func cuesGateAFamily() throws {
        let book = try RuleBook.bundled()
        let model = LearnedModelTrainer(book: book).train(Self.zorblatLines, cues: ["fixing": ["tonight"]])
        let engine = ReflectionEngine(book: book, model: model)
        #expect(!engine.analyse("Grab a zorblat!").families.contains("fixing"))
        #expect(engine.analyse("Grab a zorblat tonight!").families.contains("fixing"))
        #expect(!engine.analyse("Grab a zorblat, not tonight!").families.contains("fixing"))
        #expect(try LearnedModel.load(text: model.text).cues == ["fixing": ["tonight"]])
    }

    @Test("where a rule matched but its guard cancelled it (reported speech), the model stays silent")
    func guardsVetoTheModel() throws {
        let book = try RuleBook.bundled()
        let lines: [LearnedModelTrainer.Example] = (0..<6).map {
            .init(text: "what is wrong with you \($0)", labels: ["whats-wrong"])
        } + Self.zorblatLines.filter(\.labels.isEmpty)
        let model = LearnedModelTrainer(book: book).train(lines)
        let engine = ReflectionEngine(book: book, model: model)
        #expect(engine.analyse("seriously, what is wrong with you").families.contains("whats-wrong"))
        let reported = "My dad used to say 'what's wrong with you' every time I cried."
        #expect(!engine.analyse(reported).families.contains("whats-wrong"))
    }

    @Test("a model file reads back to the same model (weights kept to three decimals)")
    func roundTrip() throws {
        let (model, _) = try Self.zorblatModel()
        let reread = try LearnedModel.load(text: model.text)
        #expect(reread.text == model.text)
        #expect(reread.families == model.families && reread.rules == model.rules)
        #expect(zip(reread.bias, model.bias).allSatisfy { abs($0 - $1) <= 0.0005 })
        #expect(model.features.contains { $0.ngram == "zorblat" })
    }

    @Test("a broken model file is refused with its line", arguments: [
        ("families fixing\n", 1),
        ("withness-learned-model 1\nfamilies fixing\nbias 0\nthreshold 0.5\n0.1 0.2\tzorblat\n", 5),
        ("withness-learned-model 1\nfamilies fixing\nbias 0\nthreshold 0.5\nrule crisis crisis-want-to-die\n", 5),
        ("withness-learned-model 1\nfamilies fixing\nbias x\n", 3),
        ("withness-learned-model 1\nfamilies fixing\nweights 1\n", 3),
        ("withness-learned-model 1\n0.1\tzorblat\n", 2),
    ])
    func refusesBrokenFiles(_ text: String, line: Int) {
        let error = #expect(throws: LearnedModelError.self) { try LearnedModel.load(text: text) }
        #expect(error?.line == line, "\(String(describing: error))")
    }

    @Test("the bundled model loads, scores every bundled family and borrows words from rules that exist")
    func bundledModel() throws {
        let model = try #require(LearnedModel.bundled)
        let book = try RuleBook.bundled()
        #expect(model.families == book.families)
        #expect(model.features.count > 1000)
        for family in book.families {
            let rule = try #require(model.rules[family])
            #expect(book.rules.contains { $0.id == rule && $0.family == family })
        }
        #expect(try ReflectionEngine.bundled().model == model)
    }
}
