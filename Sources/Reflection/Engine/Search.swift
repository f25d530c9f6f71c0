/// One analysis: walks the tokens once, runs the patterns indexed under each token, and keeps, per family,
/// the best-precedence rule that matched (earliest match for that rule) and passed its guards.
struct Search {
    let matcher: Matcher
    let stream: TokenStream
    let rules: [CompiledRule]
    let index: PatternIndex
    /// One bit per lexicon word: does the message hold it?
    let present: UnsafeBufferPointer<UInt64>
    /// Per pattern: 0 not yet checked, 1 its required words are present, 2 they are not.
    var viable: [UInt8]

    mutating func run(bestRule: inout [Int32], spans: inout [Range<Int>]) {
        let tokens = matcher.tokens
        for position in 0..<tokens.count {
            let token = tokens[position]
            if token.word >= 0 {
                let word = Int(token.word)
                for entry in index.wordOffsets[word]..<index.wordOffsets[word + 1] {
                    attempt(index.byWord[Int(entry)], at: position, bestRule: &bestRule, spans: &spans)
                }
            }
            if token.kind != .word {
                for pattern in index.byKind[Int(token.kind.rawValue)] {
                    attempt(pattern, at: position, bestRule: &bestRule, spans: &spans)
                }
            }
            for pattern in index.anyToken { attempt(pattern, at: position, bestRule: &bestRule, spans: &spans) }
            if !index.byPrefix.isEmpty, token.textLength > 0 {
                let first = matcher.text[Int(token.textStart)]
                for (byte, pattern) in index.byPrefix where byte == first {
                    attempt(pattern, at: position, bestRule: &bestRule, spans: &spans)
                }
            }
        }
    }

    @inline(__always)
    private mutating func attempt(_ pattern: Int32, at position: Int, bestRule: inout [Int32], spans: inout [Range<Int>]) {
        let patternIndex = Int(pattern)
        let ruleIndex = index.rule[patternIndex]
        let family = Int(index.family[patternIndex])
        guard ruleIndex < bestRule[family] else { return }
        if viable[patternIndex] == 0 { viable[patternIndex] = hasRequiredWords(patternIndex) ? 1 : 2 }
        guard viable[patternIndex] == 1 else { return }
        let end = matcher.match(index.start[patternIndex], at: position)
        guard end > position, allowed(rules[Int(ruleIndex)], start: position, end: end) else { return }
        bestRule[family] = ruleIndex
        spans[family] = Int(matcher.tokens[position].start)..<Int(matcher.tokens[end - 1].end)
    }

    private func hasRequiredWords(_ pattern: Int) -> Bool {
        for group in index.requirementGroups[Int(index.requirementOffsets[pattern])..<Int(index.requirementOffsets[pattern + 1])] {
            var found = false
            for offset in group {
                let word = Int(index.requirementWords[Int(offset)])
                if present[word >> 6] & (1 << UInt64(word & 63)) != 0 {
                    found = true
                    break
                }
            }
            if !found { return false }
        }
        return true
    }

    private func allowed(_ rule: CompiledRule, start: Int, end: Int) -> Bool {
        for item in rule.unless where found(item, start: start, end: end) { return false }
        for item in rule.requires where !found(item, start: start, end: end) { return false }
        return true
    }

    /// Whether a guard's pattern occurs where its scope says, relative to the match `start..<end`.
    private func found(_ item: CompiledGuard, start: Int, end: Int) -> Bool {
        let sentence = stream.sentenceRange(of: start)
        switch item.scope {
        case .before(let within):
            for position in sentence.lowerBound..<start {
                let guardEnd = matcher.match(item.start, at: position)
                if guardEnd >= 0, guardEnd >= start - within { return true }
            }
            return false
        case .after(let within):
            let last = min(end + within, sentence.upperBound - 1)
            guard end <= last else { return false }
            return (end...last).contains { matcher.match(item.start, at: $0) >= 0 }
        case .at:
            return matcher.match(item.start, at: start) >= 0
        case .inside:
            return (start..<end).contains { matcher.match(item.start, at: $0) >= 0 }
        case .sentence:
            return sentence.contains { matcher.match(item.start, at: $0) >= 0 }
        case .text:
            return (0..<matcher.tokens.count).contains { matcher.match(item.start, at: $0) >= 0 }
        }
    }
}
