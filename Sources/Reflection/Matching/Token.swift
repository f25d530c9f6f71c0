/// What a token is, beyond its word: patterns can ask for `{NUMBER}`, `{PHONE}`, `{EMAIL}`, `{HANDLE}`, `{URL}`,
/// and `{NAME}`: a capitalised word no rule knows ("Kev", "Shane"), which is most often someone's name.
enum TokenKind: UInt8, Sendable, CaseIterable {
    case word, number, phone, email, handle, url, name

    /// The built-in class name that matches this kind (`{PHONE}`…); plain words have none.
    var className: String? {
        switch self {
        case .word: nil
        case .number: "NUMBER"
        case .phone: "PHONE"
        case .email: "EMAIL"
        case .handle: "HANDLE"
        case .url: "URL"
        case .name: "NAME"
        }
    }
}

/// One normalised word of a message, with the span of the original text it came from.
///
/// A contraction or alias becomes several tokens sharing one span ("can't" → `can` `not`), so a match
/// always maps back to whole words of what the person typed.
struct Token: Sendable {
    /// The canonical word id in the `Lexicon`, or -1 for a word no rule mentions.
    var word: Int32
    /// Word, number, or one of the contact shapes.
    var kind: TokenKind
    /// Which sentence the token is in; matches never cross a sentence break.
    var sentence: Int32
    /// Start of the original word, in UTF-16 code units.
    var start: Int32
    /// End of the original word (exclusive), in UTF-16 code units.
    var end: Int32
    /// Where the token's normalised bytes start in `TokenStream.text` (for `prefix*` words).
    var textStart: Int32
    /// How many normalised bytes the token has.
    var textLength: Int32
    /// A comma (or other clause mark) follows: `$` holds after this token and `^` before the next.
    var clauseEnd = false
}

/// The tokens of one message, the normalised bytes they point into, and what the matcher needs to know
/// about sentences and questions.
struct TokenStream: Sendable {
    var tokens: [Token] = []
    var text: [UInt8] = []
    /// The index of the first token of each sentence, plus `tokens.count` at the end.
    var sentenceStarts: [Int32] = []
    /// How many sentences end in a question mark (a run of "??" counts once).
    var questionMarks = 0
    /// The token ranges between quotation marks (closed quotations only, in order).
    var quotes: [Range<Int32>] = []

    init(capacity: Int) {
        tokens.reserveCapacity(capacity / 3 + 4)
        text.reserveCapacity(capacity + 16)
    }

    /// The token range of the sentence that holds token `index`.
    func sentenceRange(of index: Int) -> Range<Int> {
        let sentence = Int(tokens[index].sentence)
        return Int(sentenceStarts[sentence])..<Int(sentenceStarts[sentence + 1])
    }

    mutating func finish() {
        sentenceStarts.removeAll(keepingCapacity: true)
        var current: Int32 = -1
        for (index, token) in tokens.enumerated() {
            while current < token.sentence {
                sentenceStarts.append(Int32(index))
                current += 1
            }
        }
        sentenceStarts.append(Int32(tokens.count))
    }
}
