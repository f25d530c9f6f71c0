import Reflection
import Testing

/// Patterns that start with two words are looked up by the word pair at each position (`PairIndex`), not
/// by their first word alone. These check every way a pattern's first two words can be written still
/// matches, and that patterns which cannot be indexed by a pair still do.
@Suite("Word-pair index")
struct PairIndexTests {
    @Test("an optional word, a choice of words and a class all reach their second word")
    func optionalChoiceAndClass() throws {
        let engine = try TextingAndQuotationTests.engine(
            ["you [really|truly] should rest", "(i|we) (am|are|was) done", "{CARER} (said|says) no"],
            classes: #"{"CARER": ["mum", "my nan", "the key worker"]}"#)
        for text in ["you should rest", "honestly you really should rest", "i am done", "we was done here",
                     "my nan said no", "mum says no", "the key worker said no again"] {
            #expect(engine.analyse(text).families == ["test"], Comment(rawValue: text))
        }
        for text in ["you could rest", "you really rest", "i done", "my said no", "the key said no"] {
            #expect(engine.analyse(text).families.isEmpty, Comment(rawValue: text))
        }
    }

    @Test("a choice of phrases reaches the word after its shortest phrase as well as inside its longest")
    func phraseChoices() throws {
        let engine = try TextingAndQuotationTests.engine(["(give up|give it up|stop) trying"])
        for text in ["stop trying", "please give up trying", "give it up trying so hard"] {
            #expect(engine.analyse(text).families == ["test"], Comment(rawValue: text))
        }
        for text in ["stop it trying", "give trying", "give it trying"] {
            #expect(engine.analyse(text).families.isEmpty, Comment(rawValue: text))
        }
    }

    @Test("two words split by a sentence break never meet; one-word, slot and gap starts still match")
    func boundariesAndOtherStarts() throws {
        let pair = try TextingAndQuotationTests.engine(["you should"])
        #expect(pair.analyse("thank you. should we start?").families.isEmpty)
        #expect(pair.analyse("I think you should").families == ["test"])
        let others = try TextingAndQuotationTests.engine(["hopeless", "call {NUMBER} now", "ring _ tonight", "^ _ you later"])
        for text in ["it feels hopeless", "call 999 now", "ring her tonight", "see you later"] {
            #expect(others.analyse(text).families == ["test"], Comment(rawValue: text))
        }
    }

    @Test("a pattern starting with any one word is found by the word after it, whatever the first token is")
    func anyWordFirst() throws {
        let engine = try TextingAndQuotationTests.engine(["^ _ (is|was) lovely"])
        for text in ["Kev is lovely", "she was lovely", "42 is lovely", "honestly, tea is lovely"] {
            #expect(engine.analyse(text).families == ["test"], Comment(rawValue: text))
        }
        for text in ["is lovely", "the tea is lovely", "she. is lovely"] {
            #expect(engine.analyse(text).families.isEmpty, Comment(rawValue: text))
        }
    }

    @Test("a pair found twice in a message matches at its first place, as the one-word index did")
    func earliestSpan() throws {
        let engine = try TextingAndQuotationTests.engine(["you should", "you should rest"])
        let text = "ok so you should rest, you should"
        #expect(engine.analyse(text).suggestions.first?.span == 6..<16)
    }
}
