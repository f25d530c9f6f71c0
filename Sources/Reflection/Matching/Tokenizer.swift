/// Turns a message into normalised tokens with UTF-16 spans, in one pass over its UTF-8 bytes.
///
/// Normalisation is what lets a few rules meet real typing: case is folded, straight and curly apostrophes
/// are the same, contractions are expanded ("what's" → `what is`, "can't" → `can not`), texting spellings
/// are expanded through the rules' aliases ("u" → `you`, "kms" → `kill myself`), hyphenated words split,
/// and e-mail addresses, @handles, links and phone numbers become single tokens of their own kind.
struct Tokenizer: Sendable {
    let lexicon: Lexicon
    /// Canonical ids of the words contractions expand to.
    let contractionWords: ContractionWords

    /// Tokenizes `text`, reusing `stream`'s storage.
    func tokenize(_ text: String, into stream: inout TokenStream) {
        stream.tokens.removeAll(keepingCapacity: true)
        stream.text.removeAll(keepingCapacity: true)
        stream.questionMarks = 0
        stream.quotes.removeAll(keepingCapacity: true)
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) in
            var scanner = Scanner(bytes: bytes, tokenizer: self)
            scanner.run(into: &stream)
        }
        // Native strings lend their UTF-8 directly; bridged or lazily-decoded ones are copied once.
        if text.utf8.withContiguousStorageIfAvailable(scan) == nil {
            Array(text.utf8).withUnsafeBufferPointer(scan)
        }
        stream.finish()
    }
}

/// The walk over one message's bytes; `index` is in UTF-8 bytes, `utf16` counts the code units passed.
struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokenizer: Tokenizer
    var index = 0
    var utf16: Int32 = 0
    var sentence: Int32 = 0
    /// The token index where the open quotation began, or -1 when none is open.
    var quoteStart: Int32 = -1
    /// Whether the open quotation began with a double quotation mark.
    var quoteIsDouble = false

    init(bytes: UnsafeBufferPointer<UInt8>, tokenizer: Tokenizer) {
        self.bytes = bytes
        self.tokenizer = tokenizer
    }

    mutating func run(into stream: inout TokenStream) {
        var lastWasQuestion = false
        while index < bytes.count {
            let (scalar, length) = decode(at: index)
            if CharacterClass.isWord(scalar) {
                lastWasQuestion = false
                word(into: &stream)
                continue
            }
            if scalar == 0x3F {  // "?"
                if !lastWasQuestion { stream.questionMarks += 1 }
                lastWasQuestion = true
            } else if scalar != 0x20 {
                lastWasQuestion = false
            }
            noteQuotationMark(scalar, length: length, into: &stream)
            if CharacterClass.endsClause(scalar) {
                // Commas, colons, brackets and double quotes end a clause: `$` and `^` hold there.
                if let last = stream.tokens.indices.last, stream.tokens[last].sentence == sentence {
                    stream.tokens[last].clauseEnd = true
                }
            }
            if CharacterClass.endsSentence(scalar) && !continuesWord(after: index + length)
                || scalar == 0x2D && isSpaced(at: index)
            {
                breakSentence(stream)
            } else if scalar == 0x40, CharacterClass.isWord(peek(index + 1)) {  // "@name"
                special(.handle, from: index, into: &stream)
                continue
            } else if scalar == 0x40 {  // a lone "@" reads as "at" ("meet @ 6", "my @ is …")
                emitSymbol("at", length: length, into: &stream)
                continue
            } else if scalar == 0x2B, CharacterClass.isDigit(peek(index + 1)) {  // "+44 …"
                advance(length, units: 1)
                word(into: &stream)
                continue
            } else if let symbol = CharacterClass.symbolWord(scalar) {
                emitSymbol(symbol, length: length, units: scalar >= 0x10000 ? 2 : 1, into: &stream)
                continue
            }
            advance(length, units: scalar >= 0x10000 ? 2 : 1)
        }
    }

    mutating func breakSentence(_ stream: TokenStream) {
        if let last = stream.tokens.last, last.sentence == sentence { sentence += 1 }
    }

    @inline(__always) mutating func advance(_ length: Int, units: Int32) {
        index += length
        utf16 += units
    }

    /// The scalar starting at byte `at` and its length in bytes. Swift strings are valid UTF-8.
    @inline(__always) func decode(at position: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[position])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0, position + 1 < bytes.count {
            return ((lead & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F), 2)
        }
        if lead < 0xF0, position + 2 < bytes.count {
            return ((lead & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6 | UInt32(bytes[position + 2] & 0x3F), 3)
        }
        if position + 3 < bytes.count {
            let value = (lead & 0x07) << 18 | UInt32(bytes[position + 1] & 0x3F) << 12
            return (value | UInt32(bytes[position + 2] & 0x3F) << 6 | UInt32(bytes[position + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    func peek(_ position: Int) -> UInt32 {
        position < bytes.count ? decode(at: position).0 : 0
    }

    /// A "." or ":" inside "3.5", "e.g" or "10:30" does not end a sentence.
    func continuesWord(after position: Int) -> Bool {
        position < bytes.count && CharacterClass.isWord(peek(position))
    }

    /// A hyphen with a space on both sides is a dash between clauses, not a joiner.
    func isSpaced(at position: Int) -> Bool {
        position > 0 && bytes[position - 1] == 0x20 && position + 1 < bytes.count && bytes[position + 1] == 0x20
    }

    mutating func emitSymbol(_ symbol: StaticString, length: Int, units: Int32 = 1, into stream: inout TokenStream) {
        let textStart = Int32(stream.text.count)
        symbol.withUTF8Buffer { stream.text.append(contentsOf: $0) }
        let textLength = Int32(stream.text.count) - textStart
        let word = stream.text.withUnsafeBufferPointer { all in
            let slice = UnsafeBufferPointer(rebasing: all[Int(textStart)...])
            return tokenizer.lexicon.lookup(slice, hash: Lexicon.hash(slice))
        }
        stream.tokens.append(
            Token(word: word, kind: .word, sentence: sentence, start: utf16, end: utf16 + units,
                  textStart: textStart, textLength: textLength))
        advance(length, units: units)
    }
}
