import Reflection
import Testing

/// Engine capabilities that real typing needs, each tested with a one-rule file so the bundled rules don't
/// blur what is covered: quotation marks, dropped g's, a lone "@", opener phrases, guards' first words.
@Suite("Texting and quotation")
struct TextingAndQuotationTests {
    /// An engine with only `patterns` (and `unless`) in family `test`, over the bundled classes and aliases.
    static func engine(_ patterns: [String], unless: String = "[]", classes: String = "{}") throws -> ReflectionEngine {
        let quoted = patterns.map { "\"\($0)\"" }.joined(separator: ", ")
        let json = """
            {"version": 1, "families": ["test"], "classes": \(classes), "disable": \(bundledIDs()),
             "rules": [{"id": "t", "family": "test", "task": "connection", "principle": "learning",
                        "patterns": [\(quoted)], "unless": \(unless), "text": "You could ask.", "why": "Because."}]}
            """
        return ReflectionEngine(book: try RuleBook.bundled().applying(jsonBytes: Array(json.utf8)))
    }

    static func bundledIDs() -> String {
        let ids = (try? RuleBook.bundled().rules.map(\.id)) ?? []
        return "[" + ids.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }

    @Test("words between quotation marks are someone else's: a quote guard passes over them")
    func quotations() throws {
        let engine = try Self.engine(["you should _"], unless: #"[{"pattern": "^ _", "where": "quote"}]"#)
        for text in ["you should rest", "don't say 'sorry', you should rest", "you should've known, you should rest",
                     "i said 'you should rest"] {
            #expect(engine.analyse(text).families == ["test"], Comment(rawValue: text))
        }
        for text in ["she said 'you should rest'", #"he goes "you should rest" and walks off"#, "“you should rest” they said",
                     "my mum: ‘you should rest’ 🙄"] {
            #expect(engine.analyse(text).families.isEmpty, Comment(rawValue: text))
        }
    }

    @Test("a dropped g still meets the -ing word, and the span covers what was typed")
    func droppedG() throws {
        let engine = try Self.engine(["thinking about ending it"])
        let text = "been thinkin about endin it"
        let suggestion = try #require(engine.analyse(text).suggestions.first)
        #expect(suggestion.span == 5..<text.utf16.count)
        #expect(engine.analyse("thinkin about within it").suggestions.isEmpty)
    }

    @Test("a lone @ reads as the word at, while @name stays a handle")
    func loneAt() throws {
        let engine = try Self.engine(["my at is _", "find me {HANDLE}"])
        #expect(engine.analyse("my @ is lilmoon on insta").families == ["test"])
        #expect(engine.analyse("find me @lilmoon").families == ["test"])
        #expect(engine.analyse("my@is").families.isEmpty)
    }

    @Test("an opener phrase of several words leaves the one-word openers working")
    func openerPhrases() throws {
        let engine = try Self.engine(["^ go _"], classes: #"{"OPENERS": ["honestly", "to be honest"]}"#)
        #expect(engine.analyse("honestly go for it").families == ["test"])
        #expect(engine.analyse("I said go for it").families.isEmpty)
    }

    @Test("guards still cancel when they start on a phrase, a class or a clause start")
    func guardFirstWords() throws {
        let unless = """
            [{"pattern": "(never ever|not really|no)", "where": "before", "within": 1},
             {"pattern": "(in the|at the) (pub|park)", "where": "sentence"},
             {"pattern": "^ {OPENERS} i", "where": "sentence"}]
            """
        let engine = try Self.engine(["go home"], unless: unless)
        #expect(engine.analyse("go home now").families == ["test"])
        for text in ["never ever go home", "no go home", "go home, not in the pub", "honestly i go home"] {
            #expect(engine.analyse(text).families.isEmpty, Comment(rawValue: text))
        }
    }

    @Test("an emoji that stands for a word is that word, and a span after it still counts two UTF-16 units for it")
    func emojiWords() throws {
        let engine = try Self.engine(["again blood", "pills _"])
        #expect(engine.analyse("did it again 🩸").families == ["test"])
        #expect(engine.analyse("again 🙃").families.isEmpty)
        let text = "🩸 💊 out"
        let suggestion = try #require(engine.analyse(text).suggestions.first)
        #expect(suggestion.span == 3..<text.utf16.count)
    }

    @Test("a ! between small letters early in a word is an i (k!ll), later it stays punctuation")
    func exclamationAsI() throws {
        let engine = try Self.engine(["kill myself", "thanks see"])
        #expect(engine.analyse("gonna k!ll myself").families == ["test"])
        #expect(engine.analyse("thanks!see you").families == ["test"])
        #expect(engine.analyse("K!LL myself").families.isEmpty)
    }
}
