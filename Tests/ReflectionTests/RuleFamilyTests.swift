import Reflection
import Testing

/// Each family on real-sounding messages, positive and hard negative (the tables are in
/// RuleFamilyExamples.swift).
@Suite("Rule families")
struct RuleFamilyTests {
    @Test("each family fires on what people type", arguments: Self.positives)
    func fires(_ family: String, _ text: String) throws {
        #expect(try Fixture.engine().analyse(text).families.contains(family), Comment(rawValue: text))
    }

    @Test("near misses draw no suggestion at all from the rules", arguments: Self.negatives)
    func staysQuiet(_ family: String, _ text: String) throws {
        let families = try Fixture.rulesOnly().analyse(text).families
        #expect(families.isEmpty, Comment(rawValue: "\(text) (close to \(family)) drew \(families.sorted())"))
    }

    /// The learned layer trades a little of this for recall on unseen phrasings (docs/REFLECTION.md): it was
    /// 12 of 257 with the model trained through set 7c; this keeps it from creeping up unnoticed.
    @Test("with the learned layer, no more than 5% of near misses draw anything")
    func learnedLayerStaysMostlyQuiet() throws {
        let engine = try Fixture.engine()
        let noisy = Self.negatives.filter { !engine.analyse($0.1).suggestions.isEmpty }
        #expect(noisy.count * 100 <= Self.negatives.count * 5, Comment(rawValue: "\(noisy.map(\.1))"))
    }

    @Test("a text with several concerns reports every family, once each", arguments: Self.combined)
    func severalFamilies(_ text: String, _ families: Set<String>) throws {
        let result = try Fixture.engine().analyse(text)
        #expect(result.families == families)
        #expect(result.suggestions.count == families.count)
    }

    @Test("every family has positive and negative examples")
    func coverage() throws {
        for family in try RuleBook.bundled().families {
            #expect(Self.positives.contains { $0.0 == family }, Comment(rawValue: family))
            #expect(Self.negatives.contains { $0.0 == family }, Comment(rawValue: family))
        }
    }
}
