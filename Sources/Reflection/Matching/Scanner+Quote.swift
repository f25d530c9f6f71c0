/// Quotation marks: what sits between them is someone else's words, or words the writer holds up to mock
/// ("my mum always said 'be careful…'", "yeah because 'just go for a walk' fixed everything").
///
/// Double marks (straight or curly) open and close a quotation. A single mark opens one only where it
/// cannot be an apostrophe: after a space or punctuation and before a letter ("said 'be"); it closes the
/// open one when no letter follows ("walk' cured"). A quotation left open at a line break or at the end is
/// dropped, so a stray mark never swallows the rest of a message. Single marks also end a clause, as double
/// ones already do, so `^` holds at the start of quoted words.
extension Scanner {
    mutating func noteQuotationMark(_ scalar: UInt32, length: Int, into stream: inout TokenStream) {
        switch scalar {
        case 0x22:  // "
            if quoteStart < 0 { openQuotation(double: true, stream) } else if quoteIsDouble { closeQuotation(&stream) }
        case 0x201C:  // “
            if quoteStart < 0 { openQuotation(double: true, stream) }
        case 0x201D:  // ”
            if quoteStart >= 0, quoteIsDouble { closeQuotation(&stream) }
        case 0x0A, 0x0D:
            quoteStart = -1
        default:
            guard CharacterClass.isApostrophe(scalar) else { return }
            let letterFollows = CharacterClass.isWord(peek(index + length))
            if quoteStart < 0 {
                let wordBefore = stream.tokens.last.map { $0.end == utf16 } ?? false
                guard letterFollows, !wordBefore else { return }
                markClauseEnd(&stream)
                openQuotation(double: false, stream)
            } else if !quoteIsDouble, !letterFollows {
                markClauseEnd(&stream)
                closeQuotation(&stream)
            }
        }
    }

    private mutating func openQuotation(double: Bool, _ stream: TokenStream) {
        quoteStart = Int32(stream.tokens.count)
        quoteIsDouble = double
    }

    private mutating func closeQuotation(_ stream: inout TokenStream) {
        let end = Int32(stream.tokens.count)
        if end > quoteStart { stream.quotes.append(quoteStart..<end) }
        quoteStart = -1
    }

    private func markClauseEnd(_ stream: inout TokenStream) {
        if let last = stream.tokens.indices.last, stream.tokens[last].sentence == sentence {
            stream.tokens[last].clauseEnd = true
        }
    }
}
