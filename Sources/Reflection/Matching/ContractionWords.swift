/// The canonical words English contractions expand to, as lexicon ids, so "you're" and "you are" (and "ur",
/// through an alias) meet the same rules.
struct ContractionWords: Sendable {
    let isWord, are, have, will, would, am, not, us, can, shall: Int32

    /// Interns the words in `lexicon`; the engine does this once at compile time.
    init(lexicon: inout Lexicon) {
        isWord = lexicon.intern("is".utf8)
        are = lexicon.intern("are".utf8)
        have = lexicon.intern("have".utf8)
        will = lexicon.intern("will".utf8)
        would = lexicon.intern("would".utf8)
        am = lexicon.intern("am".utf8)
        not = lexicon.intern("not".utf8)
        us = lexicon.intern("us".utf8)
        can = lexicon.intern("can".utf8)
        shall = lexicon.intern("shall".utf8)
    }

    /// The word a suffix after an apostrophe stands for, or nil when the apostrophe is not a contraction.
    func suffix(_ bytes: ArraySlice<UInt8>, stem: ArraySlice<UInt8>) -> Int32? {
        switch bytes.count {
        case 1:
            switch bytes.first {
            case UInt8(ascii: "s"): return stem.elementsEqual("let".utf8) ? us : isWord
            case UInt8(ascii: "d"): return would
            case UInt8(ascii: "m"): return am
            case UInt8(ascii: "t"): return stem.last == UInt8(ascii: "n") && stem.count >= 2 ? not : nil
            default: return nil
            }
        case 2:
            if bytes.elementsEqual("re".utf8) { return are }
            if bytes.elementsEqual("ve".utf8) { return have }
            if bytes.elementsEqual("ll".utf8) { return will }
            return nil
        default:
            return nil
        }
    }

    /// The stems of "can't", "won't", "shan't" and "ain't", which are not words on their own.
    func irregularStem(_ stem: ArraySlice<UInt8>) -> Int32? {
        if stem.elementsEqual("ca".utf8) { return can }
        if stem.elementsEqual("wo".utf8) { return will }
        if stem.elementsEqual("sha".utf8) { return shall }
        if stem.elementsEqual("ai".utf8) { return isWord }
        return nil
    }
}

extension Scanner {
    /// Expands "stem'suffix" into the stem's token(s) and the suffix's word; false when it is no contraction.
    mutating func contraction(textStart: Int, stem: Int, span: (Int32, Int32), into stream: inout TokenStream) -> Bool {
        let words = tokenizer.contractionWords
        guard let suffixWord = words.suffix(stream.text[(textStart + stem)...], stem: stream.text[textStart..<textStart + stem])
        else { return false }
        // "n't" takes its "n" from the stem: "don't" → do + not.
        let stemLength = suffixWord == words.not ? stem - 1 : stem
        let irregular = suffixWord == words.not ? words.irregularStem(stream.text[textStart..<textStart + stemLength]) : nil
        let stemHash = Lexicon.hash(stream.text[textStart..<textStart + stemLength])
        stream.text.removeSubrange((textStart + stemLength)...)
        if let irregular {
            stream.text.removeSubrange(textStart...)
            appendCanonical(irregular, span: span, into: &stream)
        } else {
            let entry = lookup(stream, textStart, stemLength, hash: stemHash)
            append(entry: entry, kind: .word, textStart: textStart, length: stemLength, span: span, into: &stream)
        }
        appendCanonical(suffixWord, span: span, into: &stream)
        return true
    }
}
