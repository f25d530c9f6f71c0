/// Word scanning: letters and digits, one inner apostrophe, then contractions, aliases and contact shapes.
extension Scanner {
    mutating func word(into stream: inout TokenStream) {
        let startIndex = index
        let startUTF16 = utf16
        let textStart = stream.text.count
        var hash = Lexicon.hashSeed
        var apostrophe = -1
        var allDigits = true
        while index < bytes.count {
            // ASCII letters and digits, the common case, without decoding.
            let byte = bytes[index]
            let lower = byte | 0x20
            if CharacterClass.isSmallLetter(lower) {
                allDigits = false
                stream.text.append(lower)
                hash = Lexicon.hash(hash, lower)
                index += 1
                utf16 += 1
                continue
            }
            if byte >= 0x30 && byte <= 0x39 {
                stream.text.append(byte)
                hash = Lexicon.hash(hash, byte)
                index += 1
                utf16 += 1
                continue
            }
            // "k!ll", "d!e", "unal!ve": a "!" between small letters, early in a word, stands for an i (typed to get
            // past filters). Later in a word ("thanks!see") it stays punctuation.
            if byte == 0x21, index > startIndex, index - startIndex <= 4, index + 1 < bytes.count,
                CharacterClass.isSmallLetter(bytes[index - 1]), CharacterClass.isSmallLetter(bytes[index + 1])
            {
                allDigits = false
                stream.text.append(0x69)
                hash = Lexicon.hash(hash, 0x69)
                index += 1
                utf16 += 1
                continue
            }
            let (scalar, length) = decode(at: index)
            if CharacterClass.isWord(scalar) {
                if scalar < 0x80 {
                    var byte = UInt8(truncatingIfNeeded: scalar)
                    if CharacterClass.isCapitalLetter(byte) { byte |= 0x20 }
                    if !CharacterClass.isDigit(scalar) { allDigits = false }
                    stream.text.append(byte)
                    hash = Lexicon.hash(hash, byte)
                } else {
                    allDigits = false
                    for offset in 0..<length {
                        stream.text.append(bytes[index + offset])
                        hash = Lexicon.hash(hash, bytes[index + offset])
                    }
                }
                advance(length, units: scalar >= 0x10000 ? 2 : 1)
            } else if CharacterClass.isApostrophe(scalar), apostrophe < 0,
                CharacterClass.isWord(peek(index + length))
            {
                apostrophe = stream.text.count - textStart
                advance(length, units: 1)
            } else {
                break
            }
        }
        if index < bytes.count, bytes[index] == 0x40 || bytes[index] == 0x3A || bytes[index] == 0x2E,
            let kind = contactShape(stream.text[textStart...])
        {
            stream.text.removeSubrange(textStart...)
            index = startIndex
            utf16 = startUTF16
            special(kind, from: startIndex, into: &stream)
            return
        }
        if allDigits, apostrophe < 0, extendPhone(from: startUTF16, textStart: textStart, into: &stream) { return }
        let span = (startUTF16, utf16)
        if apostrophe >= 0, contraction(textStart: textStart, stem: apostrophe, span: span, into: &stream) { return }
        var length = stream.text.count - textStart
        var entry = lookup(stream, textStart, length, hash: hash)
        if entry < 0, length >= 4, stream.text[stream.text.count - 2] == 0x69, stream.text[stream.text.count - 1] == 0x6E {
            entry = droppedG(textStart: textStart, hash: hash, into: &stream)
            if entry >= 0 { length += 1 }
        }
        let kind: TokenKind = allDigits ? .number : entry < 0 && isCapitalised(at: startIndex) ? .name : .word
        append(entry: entry, kind: kind, textStart: textStart, length: length, span: span, into: &stream)
    }

    /// "Kev", not "KEV" or "kev": a capital then a small letter, as names are written (shouting is not a name).
    private func isCapitalised(at position: Int) -> Bool {
        guard position + 1 < bytes.count else { return false }
        return CharacterClass.isCapitalLetter(bytes[position]) && CharacterClass.isSmallLetter(bytes[position + 1])
    }

    /// Texting drops the g of "-ing" ("thinkin bout endin it"): an unknown word ending in "in" is read as
    /// the "-ing" word when the rules know that one. Leaves the text as it was when they do not.
    private func droppedG(textStart: Int, hash: UInt64, into stream: inout TokenStream) -> Int32 {
        stream.text.append(0x67)
        let entry = lookup(stream, textStart, stream.text.count - textStart, hash: Lexicon.hash(hash, 0x67))
        if entry < 0 { stream.text.removeLast() }
        return entry
    }

    /// An e-mail address ("name@host.tld") or a link ("https://…", "www.…") starting with the word just read.
    private func contactShape(_ word: ArraySlice<UInt8>) -> TokenKind? {
        guard index < bytes.count else { return nil }
        let next = bytes[index]
        if next == 0x40, CharacterClass.isWord(peek(index + 1)) { return .email }
        if next == 0x3A, word.elementsEqual("http".utf8) || word.elementsEqual("https".utf8),
            index + 2 < bytes.count, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F
        {
            return .url
        }
        if next == 0x2E, word.elementsEqual("www".utf8), CharacterClass.isWord(peek(index + 1)) { return .url }
        return nil
    }

    /// Consumes a contact shape up to the next space, leaving off trailing punctuation.
    mutating func special(_ kind: TokenKind, from startIndex: Int, into stream: inout TokenStream) {
        let startUTF16 = utf16
        // Step over whole scalars only: an address may start with (and, past the first, hold) non-ASCII letters,
        // and stopping inside a scalar would throw every later span off.
        let first = startIndex + decode(at: startIndex).1
        var end = first
        while end < bytes.count,
            kind == .handle
                ? CharacterClass.isHandleByte(bytes[end])
                : CharacterClass.isContactByte(bytes[end]) || bytes[end] >= 0x80
        {
            end += 1
        }
        while end > first, Self.isTrailingPunctuation(bytes[end - 1]) { end -= 1 }
        var units: Int32 = 0
        var position = startIndex
        while position < end {
            let (scalar, length) = decode(at: position)
            units += scalar >= 0x10000 ? 2 : 1
            position += length
        }
        index = end
        utf16 = startUTF16 + units
        let textStart = Int32(stream.text.count)
        stream.tokens.append(
            Token(word: -1, kind: kind, sentence: sentence, start: startUTF16, end: utf16,
                  textStart: textStart, textLength: 0))
    }

    private static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2E, 0x2C, 0x21, 0x3F, 0x3B, 0x3A, 0x27, 0x22, 0x29: true
        default: false
        }
    }

    /// Digit groups separated by single spaces, dashes or dots, nine to fifteen digits in all, are one phone
    /// number ("07700 900 123", "+44 7700 900123"); shorter runs stay numbers.
    private mutating func extendPhone(from startUTF16: Int32, textStart: Int, into stream: inout TokenStream) -> Bool {
        var digits = stream.text.count - textStart
        var end = index
        while end + 1 < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x2D || bytes[end] == 0x2E,
            CharacterClass.isDigit(UInt32(bytes[end + 1]))
        {
            var next = end + 1
            while next < bytes.count, CharacterClass.isDigit(UInt32(bytes[next])) { next += 1 }
            digits += next - end - 1
            end = next
        }
        guard (9...15).contains(digits) else { return false }
        utf16 += Int32(end - index)
        index = end
        stream.text.removeSubrange(textStart...)
        stream.tokens.append(
            Token(word: -1, kind: .phone, sentence: sentence, start: startUTF16, end: utf16,
                  textStart: Int32(textStart), textLength: 0))
        return true
    }

    func lookup(_ stream: TokenStream, _ start: Int, _ length: Int, hash: UInt64) -> Int32 {
        stream.text.withUnsafeBufferPointer { all in
            tokenizer.lexicon.lookup(UnsafeBufferPointer(rebasing: all[start..<start + length]), hash: hash)
        }
    }

    /// Appends the token(s) for a lexicon entry: an alias becomes its canonical words, all with one span.
    func append(entry: Int32, kind: TokenKind, textStart: Int, length: Int, span: (Int32, Int32),
                into stream: inout TokenStream)
    {
        let expansion = entry >= 0 ? tokenizer.lexicon.expansion(entry) : []
        if expansion.isEmpty {
            stream.tokens.append(
                Token(word: entry, kind: kind, sentence: sentence, start: span.0, end: span.1,
                      textStart: Int32(textStart), textLength: Int32(length)))
            return
        }
        for word in expansion { appendCanonical(word, span: span, into: &stream) }
    }

    /// Appends a canonical word that the message did not spell out (from an alias or a contraction).
    func appendCanonical(_ word: Int32, span: (Int32, Int32), into stream: inout TokenStream) {
        let start = stream.text.count
        stream.text.append(contentsOf: tokenizer.lexicon.key(word))
        stream.tokens.append(
            Token(word: word, kind: .word, sentence: sentence, start: span.0, end: span.1,
                  textStart: Int32(start), textLength: Int32(stream.text.count - start)))
    }
}
