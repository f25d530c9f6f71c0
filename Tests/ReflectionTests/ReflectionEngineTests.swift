import Foundation
import Reflection
import Testing

@Suite("Reflection engine")
struct ReflectionEngineTests {
    @Test("texting spellings, curly apostrophes and capitals meet the same rule", arguments: [
        "what's wrong with you", "whats wrong with u", "WHAT’S WRONG WITH YOU", "what is wrong w/ you",
        "wat is wrong wiv u", "what´s wrong with you",
    ])
    func normalisation(_ text: String) throws {
        #expect(try Fixture.engine().analyse(text).families.contains("whats-wrong"), Comment(rawValue: text))
    }

    @Test("contractions expand, so negation still flips the meaning")
    func negationThroughContractions() throws {
        let engine = try Fixture.engine()
        #expect(engine.analyse("I want to die").isCrisis)
        #expect(!engine.analyse("I don’t want to die").isCrisis)
        #expect(!engine.analyse("I dont want to die").isCrisis)
        #expect(!engine.analyse("I'm not going to kill myself").isCrisis)
    }

    @Test("at most one suggestion per family, crisis first")
    func oneSuggestionPerFamily() throws {
        let result = try Fixture.engine().analyse(
            "What's wrong with you? You should go to bed. You should eat. I want to kill myself. I want to die.")
        #expect(result.suggestions.map(\.family) == ["crisis", "whats-wrong", "fixing"])
        #expect(result.isCrisis)
        #expect(result.isGiving)
    }

    @Test("within a family the earlier rule in the file wins, at its earliest match")
    func precedence() throws {
        let text = "What's wrong with you? What's wrong with me?"
        let suggestion = try #require(try Fixture.engine().analyse(text).suggestions.first)
        #expect(suggestion.rule == "whats-wrong-self")
        #expect(suggestion.span == SpanTests.utf16Range(of: "What's wrong with me", in: text))
    }

    @Test("questions are counted for the coach, with or without a question mark")
    func questions() throws {
        let engine = try Fixture.engine()
        #expect(engine.analyse("How are you? What happened next??").questions == 2)
        #expect(engine.analyse("what happened after that").questions == 1)
        #expect(engine.analyse("I had a good day.").questions == 0)
    }

    @Test("empty, blank and symbol-only texts draw nothing", arguments: ["", "   ", "😀😀", "...", "\n\n"])
    func nothingToSay(_ text: String) throws {
        #expect(try Fixture.engine().analyse(text) == .empty)
    }

    @Test("a long message is analysed whole, to its last sentence")
    func longMessage() throws {
        let filler = String(repeating: "We had a nice walk by the river and talked about the week. ", count: 60)
        let result = try Fixture.engine().analyse(filler + "You should call your GP.")
        #expect(result.families == ["fixing"])
        #expect(result.suggestions.first?.span.upperBound == (filler + "You should call").utf16.count)
    }

    @Test("a suggestion has the wire shape of protocol §7, span as [start, end]")
    func wireShape() throws {
        let suggestion = try #require(try Fixture.engine().analyse("what's wrong with you").suggestions.first)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try #require(String(data: try encoder.encode(suggestion), encoding: .utf8))
        #expect(json.contains(#""span":[0,21]"#))
        #expect(json.contains(#""family":"whats-wrong""#))
        #expect(json.contains(#""task":"connection""#))
        #expect(json.contains(#""principle":"learning""#))
        #expect(try JSONDecoder().decode(Suggestion.self, from: Data(json.utf8)) == suggestion)
    }

    @Test("suggestion texts are offered as options, in plain words")
    func gentleWords() throws {
        let book = try RuleBook.bundled()
        for rule in book.rules {
            #expect(!rule.text.lowercased().contains("patient"))
            #expect(!rule.why.lowercased().contains("patient"))
            let opening = rule.text.split(separator: " ").prefix(3).joined(separator: " ")
            #expect(["You could", "Would it", "It sounds", "You don’t"].contains { opening.hasPrefix($0) }, "\(rule.id)")
        }
    }
}
