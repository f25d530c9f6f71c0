import Reflection
import Testing

/// `{NAME}`: a capitalised word no rule knows reads as someone's name, so "what's wrong with Kev" is about a person.
@Suite("Name tokens")
struct NameTokenTests {
    @Test("a capitalised unknown word matches {NAME}; shouting, lower case and known words do not")
    func capitalisedUnknownWords() throws {
        let engine = try TextingAndQuotationTests.engine(["wrong with {NAME}"])
        for text in ["what's wrong with Kev tonight", "what is wrong with Shane?", "whats wrong with Ngozi lol"] {
            #expect(engine.analyse(text).families == ["test"], Comment(rawValue: text))
        }
        for text in ["what's wrong with kev", "WHAT'S WRONG WITH KEV", "what's wrong with The wifi", "what's wrong with K"] {
            #expect(engine.analyse(text).families.isEmpty, Comment(rawValue: text))
        }
    }

    @Test("a name token still meets a prefix word, and its span covers the name")
    func prefixesAndSpans() throws {
        let engine = try TextingAndQuotationTests.engine(["with {NAME}", "suicid*"])
        let text = "sat with Tash"
        #expect(engine.analyse(text).suggestions.first?.span == 4..<13)
        #expect(engine.analyse("Suicidality is a word").families == ["test"])
    }

    @Test("the bundled rules read a name as a person in whats-wrong")
    func bundledWhatsWrong() throws {
        let engine = try Fixture.rulesOnly()
        #expect(engine.analyse("What's wrong with Kev tonight?").families.contains("whats-wrong"))
        #expect(engine.analyse("what's got into Jade lately").families.contains("whats-wrong"))
        #expect(!engine.analyse("what's wrong with the kettle").families.contains("whats-wrong"))
    }
}
