import Reflection
import Testing

/// A deployment lays its own file over the bundled rules: extend (the default) or replace.
@Suite("Deployment rules files")
struct RuleBookMergingTests {
    static func apply(_ json: String) throws -> ReflectionEngine {
        ReflectionEngine(book: try RuleBook.bundled().applying(jsonBytes: Array(json.utf8)))
    }

    @Test("extend adds a family and a rule that uses the bundled classes")
    func extendAdds() throws {
        let engine = try Self.apply("""
            {"version": 1, "families": ["gossip"], "rules": [
              {"id": "gossip-names", "family": "gossip", "task": "connection", "principle": "relationship",
               "patterns": ["did (you|{OTHER}) hear about"], "text": "You could ask how they are.", "why": "w"}]}
            """)
        #expect(engine.analyse("did u hear about Jo").families == ["gossip"])
        #expect(engine.analyse("I want to kill myself").isCrisis)
        #expect(engine.book.families.last == "gossip")
    }

    @Test("extend replaces a rule with the same id in place, and disable removes one")
    func extendReplacesAndDisables() throws {
        let engine = try Self.apply("""
            {"version": 1, "disable": ["boundary-money"], "rules": [
              {"id": "fixing-advice", "family": "fixing", "task": "worldview", "principle": "learning",
               "patterns": ["you must"], "text": "You could ask what they want.", "why": "w"}]}
            """)
        #expect(engine.analyse("you must").families == ["fixing"])
        #expect(engine.analyse("you should see a doctor").families.isEmpty)
        #expect(engine.analyse("can you lend me a tenner").families.isEmpty)
        #expect(!engine.book.rules.contains { $0.id == "boundary-money" })
    }

    @Test("a class can be extended with {\"add\": …} or replaced")
    func classes() throws {
        let engine = try Self.apply(#"{"version": 1, "classes": {"LABEL_CONDITION": {"add": ["misophonia"]}}}"#)
        #expect(engine.analyse("my misophonia is bad today").families == ["labels"])
        #expect(engine.analyse("my bipolar is bad today").families == ["labels"])
    }

    @Test("replace keeps only the file's rules, but bundled prompts and support stay unless given")
    func replace() throws {
        let engine = try Self.apply("""
            {"version": 1, "mode": "replace", "families": ["fixing"], "rules": [
              {"id": "only", "family": "fixing", "task": "worldview", "principle": "learning",
               "patterns": ["you should"], "text": "You could ask.", "why": "w"}],
             "support": {"text": "We're here.", "resources": [{"name": "Local line", "contact": "0800 000 000"}]}}
            """)
        #expect(engine.analyse("I want to kill myself").families.isEmpty)
        #expect(engine.analyse("you should rest").families == ["fixing"])
        #expect(engine.support == SupportResources(text: "We're here.", resources: [.init(name: "Local line", contact: "0800 000 000", url: "")]))
        #expect(engine.prompts == (try RuleBook.bundled()).prompts)
    }

    @Test("a file that disables an unknown rule or extends an unknown class is refused with the line")
    func unknownReferences() throws {
        let bundled = try RuleBook.bundled()
        #expect(throws: RulesFileError(line: 2, .unknownRule("nope"))) {
            try bundled.applying(jsonBytes: Array("{\"version\": 1,\n\"disable\": [\"nope\"]}".utf8))
        }
        #expect(throws: RulesFileError(line: 2, .unknownClass("NOPE"))) {
            try bundled.applying(jsonBytes: Array("{\"version\": 1, \"classes\": {\n\"NOPE\": {\"add\": [\"x\"]}}}".utf8))
        }
    }

    @Test("support resources load from their own file")
    func supportFile() throws {
        let support = try SupportResources.load(jsonBytes: Array("""
            {"text": "You're not alone.", "resources": [{"name": "Line", "contact": "call 1", "url": "https://example.org"}]}
            """.utf8))
        #expect(support.resources.first?.url == "https://example.org")
        #expect(throws: RulesFileError(line: 1, .missingField("resources"))) {
            try SupportResources.load(jsonBytes: Array(#"{"text": "x"}"#.utf8))
        }
    }
}
