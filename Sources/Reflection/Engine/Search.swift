/// What `bestRule` holds for a family when it holds no rule index.
enum FamilyMark {
    /// Nothing matched.
    static let none = Int32.max
    /// A pattern matched but an `unless` guard cancelled it (reported speech, an idiom, the past…), and no
    /// other rule matched: the learned layer stays silent, since the rules looked and decided it is not meant.
    /// Any rule index is smaller, so a later match still replaces it.
    static let vetoed = Int32.max - 1
    /// The learned model offered the family.
    static let learned: Int32 = -1
}

/// One analysis: walks the tokens once, runs the patterns indexed under each token, and keeps, per family,
/// the best-precedence rule that matched (earliest match for that rule) and passed its guards.
///
/// Everything it touches is borrowed or on the stack for the length of one call, so the hot loop makes
/// no allocations, reference counting or bounds checks.
struct Search {
    let matcher: Matcher
    let index: IndexTables
    let rules: [CompiledRule]
    /// The index of the first token of each sentence, plus the token count.
    let sentenceStarts: UnsafeBufferPointer<Int32>
    /// The token ranges between quotation marks.
    let quotes: UnsafeBufferPointer<Range<Int32>>
    /// One bit per lexicon word: does the message hold it?
    let present: UnsafeBufferPointer<UInt64>
    /// Per pattern: 0 not yet checked, 1 its required words are present, 2 they are not.
    let viable: UnsafeMutableBufferPointer<UInt8>
    /// Per requirement group, the same three states.
    let groupState: UnsafeMutableBufferPointer<UInt8>
    /// Per family: the best rule found so far (or a `FamilyMark`) and the span of its match.
    let bestRule: UnsafeMutableBufferPointer<Int32>
    let spans: UnsafeMutableBufferPointer<Range<Int>>

    func run() {
        let tokens = matcher.tokens
        for position in 0..<tokens.count {
            let token = tokens[position]
            // The word after this one, when it is a word in the same sentence (pairs never cross a break).
            var next: Int32 = -1
            if position + 1 < tokens.count, tokens[position + 1].sentence == token.sentence {
                next = tokens[position + 1].word
            }
            if token.word >= 0 {
                let word = Int(token.word)
                let single = index.byWord[Int(index.wordOffsets[word])..<Int(index.wordOffsets[word + 1])]
                attemptInOrder(single, index.pairs.patterns(startingWith: token.word, then: next), at: position)
            }
            if token.kind != .word {
                for pattern in index.byKind[Int(token.kind.rawValue)] { attempt(Int(pattern), at: position) }
            }
            attemptInOrder(index.anyToken, index.pairs.patterns(startingWith: PairIndex.anyWord, then: next), at: position)
            if !index.byPrefix.isEmpty, token.textLength > 0 {
                let first = matcher.text[Int(token.textStart)]
                for (byte, pattern) in index.byPrefix where byte == first { attempt(Int(pattern), at: position) }
            }
        }
    }

    /// Attempts the patterns of two lists, each in ascending pattern order, merged into that order, so a
    /// pattern's place in the one-word or pair index never changes which match is found first.
    @inline(__always)
    private func attemptInOrder<First: Collection<Int32>, Second: Collection<Int32>>(
        _ first: First, _ second: Second, at position: Int
    ) {
        var left = first.startIndex
        var right = second.startIndex
        while left != first.endIndex || right != second.endIndex {
            if right == second.endIndex || left != first.endIndex && first[left] < second[right] {
                attempt(Int(first[left]), at: position)
                first.formIndex(after: &left)
            } else {
                attempt(Int(second[right]), at: position)
                second.formIndex(after: &right)
            }
        }
    }

    @inline(__always)
    private func attempt(_ pattern: Int, at position: Int) {
        let ruleIndex = index.rule[pattern]
        let family = Int(index.family[pattern])
        guard ruleIndex < bestRule[family] else { return }
        if viable[pattern] == 0 { viable[pattern] = hasRequiredWords(pattern) ? 1 : 2 }
        guard viable[pattern] == 1 else { return }
        let end = matcher.match(index.start[pattern], at: position)
        guard end > position else { return }
        let rule = rules[Int(ruleIndex)]
        if rule.unless.contains(where: { found($0, start: position, end: end) }) {
            if bestRule[family] == FamilyMark.none { bestRule[family] = FamilyMark.vetoed }
            return
        }
        guard !rule.requires.contains(where: { !found($0, start: position, end: end) }) else { return }
        bestRule[family] = ruleIndex
        spans[family] = Int(matcher.tokens[position].start)..<Int(matcher.tokens[end - 1].end)
    }

    /// Whether the message holds a word of every group slot `pattern` needs (a pattern, or a guard after them).
    private func hasRequiredWords(_ pattern: Int) -> Bool {
        for entry in Int(index.requirementOffsets[pattern])..<Int(index.requirementOffsets[pattern + 1]) {
            let id = Int(index.requirementIDs[entry])
            if groupState[id] == 0 { groupState[id] = groupIsPresent(id) ? 1 : 2 }
            if groupState[id] == 2 { return false }
        }
        return true
    }

    private func groupIsPresent(_ id: Int) -> Bool {
        let group = index.requirementGroups[id]
        for offset in Int(group.lowerBound)..<Int(group.upperBound) {
            let word = Int(index.requirementWords[offset])
            if present[word >> 6] & (1 << UInt64(word & 63)) != 0 { return true }
        }
        return false
    }

    /// Whether a guard's pattern occurs where its scope says, relative to the match `start..<end`.
    private func found(_ item: CompiledGuard, start: Int, end: Int) -> Bool {
        // A guard whose words are not all in the message cannot match anywhere (cached per word group).
        guard hasRequiredWords(index.rule.count + Int(item.id)) else { return false }
        let sentenceIndex = Int(matcher.tokens[start].sentence)
        let sentence = Int(sentenceStarts[sentenceIndex])..<Int(sentenceStarts[sentenceIndex + 1])
        switch item.scope {
        case .before(let within):
            for position in sentence.lowerBound..<start where canStart(item, position) {
                let guardEnd = matcher.match(item.start, at: position)
                if guardEnd >= 0, guardEnd >= start - within { return true }
            }
            return false
        case .after(let within):
            let last = min(end + within, sentence.upperBound - 1)
            guard end <= last else { return false }
            return (end...last).contains { canStart(item, $0) && matcher.match(item.start, at: $0) >= 0 }
        case .at:
            return matcher.match(item.start, at: start) >= 0
        case .inside:
            return (start..<end).contains { canStart(item, $0) && matcher.match(item.start, at: $0) >= 0 }
        case .sentence:
            return sentence.contains { canStart(item, $0) && matcher.match(item.start, at: $0) >= 0 }
        case .text:
            return (0..<matcher.tokens.count).contains { canStart(item, $0) && matcher.match(item.start, at: $0) >= 0 }
        case .quote:
            guard let quote = quotes.first(where: { $0.contains(Int32(start)) }) else { return false }
            return (Int(quote.lowerBound)..<Int(quote.upperBound)).contains { matcher.match(item.start, at: $0) >= 0 }
        }
    }

    /// Whether the guard could begin on the token at `position` (its first word is there).
    @inline(__always) private func canStart(_ item: CompiledGuard, _ position: Int) -> Bool {
        item.firstWords < 0 || matcher.contains(set: Int(item.firstWords), matcher.tokens[position].word)
    }
}
