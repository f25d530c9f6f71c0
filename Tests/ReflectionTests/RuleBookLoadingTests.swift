import Reflection
import Testing

/// A deployment's rules file is refused at start-up with the line and the reason.
@Suite("Rules file loading")
struct RuleBookLoadingTests {
    /// A small complete file; `rule` is spliced in on line 5.
    static func file(rule: String = "", extra: String = "") -> [UInt8] {
        Array("""
            {"version": 1,
             "families": ["fixing"],
             "classes": {"YOU": ["you", "u"]},
             "rules": [
              \(rule.isEmpty ? #"{"id": "a", "family": "fixing", "task": "worldview", "principle": "learning", "patterns": ["{YOU} should"], "text": "t", "why": "w"}"# : rule)
             ]\(extra)
            }
            """.utf8)
    }

    static func error(_ bytes: [UInt8]) -> RulesFileError? {
        do {
            _ = try RuleBook.load(jsonBytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("a small valid file loads and its rule fires")
    func validFile() throws {
        let engine = ReflectionEngine(book: try RuleBook.load(jsonBytes: Self.file()))
        #expect(engine.analyse("u should").families == ["fixing"])
    }

    static let broken: [(String, Int, RulesFileError.Problem)] = [
        (#"{"id": "a", "family": "fixng", "task": "worldview", "principle": "learning", "patterns": ["x"], "text": "t", "why": "w"}"#,
         5, .unknownFamily("fixng")),
        (#"{"id": "a", "family": "fixing", "task": "helping", "principle": "learning", "patterns": ["x"], "text": "t", "why": "w"}"#,
         5, .unknownTask("helping")),
        (#"{"id": "a", "family": "fixing", "task": "worldview", "principle": "fear", "patterns": ["x"], "text": "t", "why": "w"}"#,
         5, .unknownPrinciple("fear")),
        (#"{"id": "a", "family": "fixing", "task": "worldview", "principle": "learning", "patterns": [], "text": "t", "why": "w"}"#,
         5, .emptyPatterns(rule: "a")),
        (#"{"id": "a", "family": "fixing", "task": "worldview", "principle": "learning", "patterns": [""], "text": "t", "why": "w"}"#,
         5, .emptyText(field: "patterns")),
        (#"{"id": "a", "family": "fixing", "task": "worldview", "principle": "learning", "patterns": ["{THEM} x"], "text": "t", "why": "w"}"#,
         5, .unknownClass("THEM")),
        (#"{"id": "a", "family": "fixing", "task": "worldview", "principle": "learning", "patterns": ["(a|b"], "text": "t", "why": "w"}"#,
         5, .invalidPattern("(a|b", reason: "a bracket is not closed")),
        (#"{"id": "a", "family": "fixing", "task": "worldview", "principle": "learning", "patterns": ["... x"], "text": "t", "why": "w"}"#,
         5, .invalidPattern("... x", reason: "it cannot begin with a gap")),
        (#"{"id": "a", "family": "fixing", "task": "worldview", "principle": "learning", "patern": ["x"], "patterns": ["x"], "text": "t", "why": "w"}"#,
         5, .unknownField("patern")),
        (#"{"id": "a", "family": "fixing", "task": "worldview", "principle": "learning", "patterns": ["x"], "unless": ["nope"], "text": "t", "why": "w"}"#,
         5, .unknownGuard("nope")),
        (#"{"id": "a", "family": "fixing", "task": "worldview", "principle": "learning", "patterns": ["x"], "text": "t"}"#,
         5, .missingField("why")),
        (#"{"id": "a", "family": "fixing", "task": "worldview", "principle": "learning", "patterns": ["x"], "text": "t", "why": "w"}, {"id": "a", "family": "fixing", "task": "worldview", "principle": "learning", "patterns": ["y"], "text": "t", "why": "w"}"#,
         5, .duplicateName("a", firstLine: 5)),
    ]

    @Test("semantic problems are refused on the line of the rule", arguments: Self.broken)
    func semanticProblems(_ rule: String, _ line: Int, _ problem: RulesFileError.Problem) {
        #expect(Self.error(Self.file(rule: rule)) == RulesFileError(line: line, problem))
    }

    @Test("a JSON syntax error is reported on its own line")
    func syntaxError() {
        let bytes = Array("{\"version\": 1,\n \"families\": [\"a\"]\n \"rules\": []\n}".utf8)
        #expect(Self.error(bytes) == RulesFileError(line: 3, .invalidJSON(expected: "',' or '}'")))
    }

    @Test("the error reads as one line for an operator")
    func description() {
        let error = RulesFileError(line: 42, .unknownFamily("fixng"))
        #expect(error.description == #"line 42: unknown family "fixng" (declare it under "families")"#)
    }

    @Test("an unsupported version, unknown mode and deep nesting are refused without crashing")
    func hostileFiles() {
        #expect(Self.error(Array(#"{"version": 2}"#.utf8)) == RulesFileError(line: 1, .unsupportedVersion(2)))
        #expect(Self.error(Array("{\"version\": 1,\n\"mode\": \"merge\"}".utf8)) == RulesFileError(line: 2, .unknownMode("merge")))
        let deep = Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)
        #expect(Self.error(deep)?.problem == .invalidJSON(expected: "less nesting (at most 64 levels)"))
        #expect(Self.error([0xFF, 0xFE]) != nil)
    }

    @Test("the bundled rules load, declare the eight families and offer real support lines")
    func bundled() throws {
        let book = try RuleBook.bundled()
        #expect(Set(book.families) == ["whats-wrong", "fixing", "labels", "moving-away", "fear", "helper", "crisis", "boundary"])
        #expect(Set(book.rules.map(\.family)) == Set(book.families))
        #expect(book.support.resources.contains { $0.url == "https://www.samaritans.org" })
        #expect(book.support.resources.contains { $0.contact.contains("988") })
        for kind in PromptBook.Kind.allCases { #expect((book.prompts.variants[kind]?.texts.count ?? 0) >= 3) }
    }
}
