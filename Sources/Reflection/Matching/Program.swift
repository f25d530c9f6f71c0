/// One instruction of a compiled pattern: a tiny backtracking machine over tokens, like a regex VM but
/// with whole words as its alphabet.
enum Step: Sendable {
    /// The token is this canonical word.
    case word(Int32)
    /// The token's word is in this set (a class or a choice of single words).
    case wordIn(Int32)
    /// The next words follow a path of this phrase trie (a class or choice with phrases of several words);
    /// longer phrases are tried first.
    case trie(Int32)
    /// The token's normalised text starts with this prefix.
    case prefix(Int32)
    /// The token is of this kind (`{NUMBER}`, `{PHONE}`…).
    case kind(TokenKind)
    /// Any one token.
    case any
    /// Holds at the start of a sentence or clause, allowing openers ("honestly", "hun") before.
    case atStart
    /// Holds at the end of a sentence or clause.
    case atEnd
    /// Try the first target; if that fails, the second.
    case split(Int32, Int32)
    /// Continue at the target.
    case jump(Int32)
    /// The pattern has matched.
    case accept
}

/// All compiled patterns and guards: their steps, word sets (bitsets over word ids) and prefixes.
struct Program: Sendable {
    var steps: [Step] = []
    /// Bitsets, `setWords` 64-bit words each, one after another.
    var sets: [UInt64] = []
    var setWords = 0
    var prefixes: [[UInt8]] = []
    /// The set of words `^` lets stand before a clause start ("honestly", "so", "hun"), or -1.
    var openers: Int32 = -1
    /// Phrase tries: node `n` has children `trieChildWords/Nodes[trieChildStart[n] ..< trieChildStart[n + 1]]`,
    /// sorted by word, and ends a phrase when `trieTerminal[n]`.
    var trieChildStart: [Int32] = []
    var trieChildWords: [Int32] = []
    var trieChildNodes: [Int32] = []
    var trieTerminal: [Bool] = []
}

/// Runs compiled steps against one message's tokens; everything is borrowed for the length of one analysis.
struct Matcher {
    let steps: UnsafeBufferPointer<Step>
    let sets: UnsafeBufferPointer<UInt64>
    let setWords: Int
    let prefixes: [[UInt8]]
    let openers: Int32
    let trie: TrieTables
    let tokens: UnsafeBufferPointer<Token>
    let text: UnsafeBufferPointer<UInt8>

    /// The end (exclusive token index) of a match of the program at `pc` starting at token `start`, or -1.
    /// A match stays inside the sentence of its first token.
    func match(_ pc: Int32, at start: Int) -> Int {
        guard start < tokens.count else { return -1 }
        return run(Int(pc), start, sentence: tokens[start].sentence)
    }

    private func run(_ startPC: Int, _ startPosition: Int, sentence: Int32) -> Int {
        var pc = startPC
        var position = startPosition
        while true {
            switch steps[pc] {
            case .accept:
                return position
            case .jump(let target):
                pc = Int(target)
                continue
            case .split(let first, let second):
                let end = run(Int(first), position, sentence: sentence)
                if end >= 0 { return end }
                pc = Int(second)
                continue
            case .trie(let root):
                return walk(Int(root), position, then: pc + 1, sentence: sentence)
            case .atStart:
                guard isClauseStart(position, sentence: sentence) else { return -1 }
                pc += 1
                continue
            case .atEnd:
                guard position >= tokens.count || tokens[position].sentence != sentence
                    || position > 0 && tokens[position - 1].clauseEnd
                else { return -1 }
                pc += 1
                continue
            default:
                guard position < tokens.count, tokens[position].sentence == sentence,
                    accepts(steps[pc], tokens[position])
                else { return -1 }
                position += 1
                pc += 1
            }
        }
    }

    @inline(__always) func accepts(_ step: Step, _ token: Token) -> Bool {
        switch step {
        case .word(let word): return token.word == word
        case .wordIn(let set): return contains(set: Int(set), token.word)
        case .kind(let kind): return token.kind == kind
        case .any: return true
        case .prefix(let index): return hasPrefix(token, prefixes[Int(index)])
        case .split, .jump, .accept, .atStart, .atEnd, .trie: return false
        }
    }

    /// Follows the trie from `node` along the tokens, trying the longest phrase first, then goes on at `then`.
    private func walk(_ node: Int, _ position: Int, then next: Int, sentence: Int32) -> Int {
        if position < tokens.count, tokens[position].sentence == sentence,
            let child = trie.child(of: node, word: tokens[position].word)
        {
            let end = walk(child, position + 1, then: next, sentence: sentence)
            if end >= 0 { return end }
        }
        return trie.terminal[node] ? run(next, position, sentence: sentence) : -1
    }

    /// Only openers stand between `position` and the start of its sentence or clause.
    func isClauseStart(_ position: Int, sentence: Int32) -> Bool {
        var before = position - 1
        while before >= 0, tokens[before].sentence == sentence, !tokens[before].clauseEnd {
            guard openers >= 0, contains(set: Int(openers), tokens[before].word) else { return false }
            before -= 1
        }
        return true
    }

    @inline(__always) func contains(set: Int, _ word: Int32) -> Bool {
        guard word >= 0 else { return false }
        let bit = Int(word)
        let slot = set * setWords + bit >> 6
        return slot < (set + 1) * setWords && sets[slot] & (1 << UInt64(bit & 63)) != 0
    }

    func hasPrefix(_ token: Token, _ prefix: [UInt8]) -> Bool {
        guard token.kind == .word || token.kind == .number || token.kind == .name, Int(token.textLength) >= prefix.count else { return false }
        let start = Int(token.textStart)
        for (offset, byte) in prefix.enumerated() where text[start + offset] != byte { return false }
        return true
    }
}
