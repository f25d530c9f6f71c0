/// Turns a tokenised message into the word n-gram features the learned layer weighs.
///
/// Each sentence is read as `<s> w1 w2 …`; its unigrams and bigrams are the features (trigrams were tried and
/// dropped: on fresh lines they lifted nothing and cost a third more lookups). Words are the
/// tokenizer's normalised forms (so "u" and "you", "can't" and "can not" are one feature), and numbers,
/// names and contact shapes stand as `<num>`, `<name>`, `<phone>`… so the model learns the shape, not the
/// digits. Words in a negated clause carry a `~` ("i do not want~ to~ die~"), from a negator to the next
/// comma or sentence end, so "I don't want to die" does not weigh like "I want to die". A feature is a 64-bit
/// hash, the same one `LearnedModel` computes for the n-gram text in its file, so the model file can stay
/// readable ("you should just") while scoring never builds a string.
struct FeatureHasher: Sendable {
    let lexicon: Lexicon

    /// The hash of a word's normalised bytes (FNV-1a, as the lexicon hashes keys).
    static func wordHash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 { Lexicon.hash(bytes) }

    /// The hash of the n-gram `left right`, where `left` may itself be an n-gram.
    @inline(__always) static func combine(_ left: UInt64, _ right: UInt64) -> UInt64 {
        var mixed = left &* 0x9E37_79B9_7F4A_7C15 ^ right
        mixed ^= mixed >> 29
        mixed = mixed &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 32)
    }

    /// The hash of an n-gram written as words separated by single spaces (`"you should just"`).
    static func ngramHash(_ text: String) -> UInt64 {
        var hash: UInt64?
        for word in text.split(separator: " ") {
            let next = wordHash(word.utf8)
            hash = hash.map { combine($0, next) } ?? next
        }
        return hash ?? wordHash(EmptyCollection<UInt8>())
    }

    static let sentenceStart = wordHash("<s>".utf8)
    /// The hashes of `<num>`, `<phone>`… by token kind (the `.word` entry is unused).
    let kindMarkers: [UInt64]

    /// Lexicon ids of the words that open a negated clause.
    let negators: [Int32]

    static let negatorWords = ["not", "no", "never", "nothing", "nobody", "none", "nor", "neither", "without"]

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        negators = Self.negatorWords.map { lexicon.lookup($0) }.filter { $0 >= 0 }
        kindMarkers = TokenKind.allCases.map { kind in
            Self.wordHash(Self.marker(kind).utf8)
        }
    }

    /// How a token of a non-word kind is written in the model file.
    static func marker(_ kind: TokenKind) -> String {
        switch kind {
        case .word: "<word>"
        case .number: "<num>"
        case .phone: "<phone>"
        case .email: "<email>"
        case .handle: "<handle>"
        case .url: "<url>"
        case .name: "<name>"
        }
    }

    /// The hash standing for one token.
    @inline(__always) func tokenHash(_ token: Token, text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if token.kind != .word { return kindMarkers[Int(token.kind.rawValue)] }
        if token.word >= 0 { return lexicon.keyHash(token.word) }
        let start = Int(token.textStart)
        return Self.wordHash(UnsafeBufferPointer(rebasing: text[start..<start + Int(token.textLength)]))
    }

    /// Calls `body(sentence, feature)` for every feature of the stream, sentence by sentence.
    func forEachFeature(in stream: TokenStream, _ body: (Int, UInt64) -> Void) {
        let count = stream.tokens.count
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(count, 1)) { hashes in
            stream.text.withUnsafeBufferPointer { text in
                markNegation(stream, word: { tokenHash($0, text: text) }, negated: { Lexicon.hash($0, 0x7E) }) {
                    hashes[$0] = $1
                }
            }
            Self.walk(stream, start: Self.sentenceStart, combine: Self.combine, feature: { hashes[$0] }, body)
        }
    }

    /// The same features as readable n-grams (`"<s> you should"`), for training and for the model file.
    func forEachFeatureText(in stream: TokenStream, _ body: (Int, String) -> Void) {
        var texts = [String](repeating: "", count: stream.tokens.count)
        markNegation(stream, word: { tokenText($0, stream: stream) }, negated: { $0 + "~" }) { texts[$0] = $1 }
        Self.walk(stream, start: "<s>", combine: { $0 + " " + $1 }, feature: { texts[$0] }, body)
    }

    func tokenText(_ token: Token, stream: TokenStream) -> String {
        guard token.kind == .word else { return Self.marker(token.kind) }
        let start = Int(token.textStart)
        return String(decoding: stream.text[start..<start + Int(token.textLength)], as: UTF8.self)
    }

    /// Gives each token's feature, marked with `negated` from a negator to the next clause or sentence end.
    @inline(__always) func markNegation<Feature>(
        _ stream: TokenStream, word: (Token) -> Feature, negated: (Feature) -> Feature, _ body: (Int, Feature) -> Void
    ) {
        stream.tokens.withUnsafeBufferPointer { tokens in
            var inNegation = false
            var sentence: Int32 = -1
            for index in tokens.indices {
                let token = tokens[index]
                if token.sentence != sentence {
                    sentence = token.sentence
                    inNegation = false
                }
                body(index, inNegation ? negated(word(token)) : word(token))
                if token.word >= 0, negators.contains(token.word) { inNegation = true }
                if token.clauseEnd { inNegation = false }
            }
        }
    }

    /// The most features `walk` gives for `stream` (`<s>` per sentence, a unigram and a bigram per token), so a
    /// table sized from it can never fill: change both together.
    static func featureLimit(_ stream: TokenStream) -> Int {
        max(stream.sentenceStarts.count - 1, 0) + 2 * stream.tokens.count
    }

    /// The one walk both views share: `<s> w1 w2 …` per sentence, emitting the unigrams and bigrams of the
    /// tokens' features (`feature(index)`).
    @inline(__always) static func walk<Feature>(
        _ stream: TokenStream, start: Feature, combine: (Feature, Feature) -> Feature,
        feature: (Int) -> Feature, _ body: (Int, Feature) -> Void
    ) {
        stream.sentenceStarts.withUnsafeBufferPointer { starts in
            for sentence in 0..<max(starts.count - 1, 0) {
                var previous = start
                body(sentence, start)
                for index in Int(starts[sentence])..<Int(starts[sentence + 1]) {
                    let current = feature(index)
                    body(sentence, current)
                    body(sentence, combine(previous, current))
                    previous = current
                }
            }
        }
    }
}
