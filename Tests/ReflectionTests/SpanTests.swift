import Reflection
import Testing

/// Spans are UTF-16 code units of the original text, end exclusive, whatever comes before the match.
@Suite("Suggestion spans")
struct SpanTests {
    /// The UTF-16 range of the first `needle` in `text`.
    static func utf16Range(of needle: String, in text: String) -> Range<Int>? {
        guard let range = text.range(of: needle) else { return nil }
        let start = text.utf16.distance(from: text.startIndex, to: range.lowerBound)
        return start..<(start + needle.utf16.count)
    }

    static let cases: [(text: String, family: String, matched: String)] = [
        ("What’s wrong with you?", "whats-wrong", "What’s wrong with you"),
        ("😞 What’s wrong with you?", "whats-wrong", "What’s wrong with you"),
        ("👩‍👩‍👧 🇬🇧 “honestly” you should see a GP", "fixing", "you should see"),
        ("‘ok’ — café first… then: I want to kill myself", "crisis", "kill myself"),
        ("𝒽𝑒𝓁𝓁𝑜 can u lend me £20?", "boundary", "lend me £20"),
        ("I’m sooo tired 😴😴 and my BPD is bad", "labels", "my BPD"),
        ("Ça va? Leave it with me, I’ll sort it", "helper", "Leave it with me"),
    ]

    @Test("the span covers exactly the matched words", arguments: Self.cases)
    func spanCoversMatch(_ text: String, _ family: String, _ matched: String) throws {
        let suggestion = try #require(try Fixture.engine().analyse(text).suggestions.first { $0.family == family })
        #expect(suggestion.span == Self.utf16Range(of: matched, in: text))
    }

    @Test("every span lies inside the text on messages with mixed scripts and symbols")
    func spansStayInBounds() throws {
        let engine = try Fixture.engine()
        var generator = SplitMix64(seed: 7)
        let pieces = ["you", "should", "what's", "wrong", "with", "me", "kill", "myself", "😀", "👍🏽", "’", "“",
                      "é", "ß", "日本", "\u{301}", " ", " ", ",", ".", "?", "\n", "@x", "07700 900123", "£5", "u", "ur"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1...40, using: &generator))
                .map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            for suggestion in engine.analyse(text).suggestions {
                #expect(suggestion.span.lowerBound >= 0 && suggestion.span.upperBound <= text.utf16.count, Comment(rawValue: "\(text.unicodeScalars.map { String($0.value, radix: 16) }) \(suggestion.span)"))
                #expect(!suggestion.span.isEmpty)
            }
        }
    }
}

/// A seeded generator so failures repeat.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
