/// Compiled patterns indexed by the tokens they can start on, so most words cost one empty lookup.
struct PatternIndex: Sendable {
    /// Pattern `i` belongs to rule `rule[i]` (of family `family[i]`) and starts at step `start[i]`.
    var rule: [Int32] = []
    var family: [Int32] = []
    var start: [Int32] = []
    /// Words a message must hold for pattern `i` (or, after the patterns, guard `i - rule.count`) to have a chance: the groups numbered
    /// `requirementIDs[requirementOffsets[i] ..< requirementOffsets[i + 1]]`; group `g` is the range
    /// `requirementGroups[g]` of `requirementWords`, of which at least one must appear. Groups are shared
    /// between patterns (a class used in many), and each is checked at most once per message.
    var requirementOffsets: [Int32] = [0]
    var requirementIDs: [Int32] = []
    var requirementGroups: [Range<Int32>] = []
    var requirementWords: [Int32] = []
    /// Patterns that can start on word id `w`: `byWord[wordOffsets[w]..<wordOffsets[w + 1]]`.
    var wordOffsets: [Int32] = []
    var byWord: [Int32] = []
    /// Patterns that can start on a token of a kind (`{PHONE}`…), by `TokenKind.rawValue`.
    var byKind: [[Int32]] = Array(repeating: [], count: TokenKind.allCases.count)
    /// Patterns that can start with a `prefix*` word, with the prefix's first byte as a quick filter.
    var byPrefix: [(firstByte: UInt8, pattern: Int32)] = []
    /// Patterns that can start on any token (`^ _ …`) and are not in `pairs` (their second step is not a
    /// word); their `^` makes most attempts fail at once.
    var anyToken: [Int32] = []
    /// Patterns that start with two words, by that pair (they are not in `byWord`).
    var pairs = PairIndex()
}

/// The flat parts of a `PatternIndex`, borrowed for one analysis.
struct IndexTables {
    let rule: UnsafeBufferPointer<Int32>
    let family: UnsafeBufferPointer<Int32>
    let start: UnsafeBufferPointer<Int32>
    let wordOffsets: UnsafeBufferPointer<Int32>
    let byWord: UnsafeBufferPointer<Int32>
    let requirementOffsets: UnsafeBufferPointer<Int32>
    let requirementIDs: UnsafeBufferPointer<Int32>
    let requirementGroups: UnsafeBufferPointer<Range<Int32>>
    let requirementWords: UnsafeBufferPointer<Int32>
    let byKind: [[Int32]]
    let anyToken: [Int32]
    let byPrefix: [(firstByte: UInt8, pattern: Int32)]
    let pairs: PairTables
}

extension PatternIndex {
    /// Runs `body` with the index borrowed as buffers.
    func withTables<Result>(_ body: (IndexTables) -> Result) -> Result {
        rule.withUnsafeBufferPointer { rule in
            family.withUnsafeBufferPointer { family in
                start.withUnsafeBufferPointer { start in
                    wordOffsets.withUnsafeBufferPointer { wordOffsets in
                        byWord.withUnsafeBufferPointer { byWord in
                            requirementOffsets.withUnsafeBufferPointer { requirementOffsets in
                                requirementIDs.withUnsafeBufferPointer { requirementIDs in
                                    requirementGroups.withUnsafeBufferPointer { requirementGroups in
                                        requirementWords.withUnsafeBufferPointer { requirementWords in
                                          pairs.withTables { pairs in
                                            body(IndexTables(
                                                rule: rule, family: family, start: start, wordOffsets: wordOffsets,
                                                byWord: byWord, requirementOffsets: requirementOffsets,
                                                requirementIDs: requirementIDs, requirementGroups: requirementGroups,
                                                requirementWords: requirementWords, byKind: byKind,
                                                anyToken: anyToken, byPrefix: byPrefix, pairs: pairs))
                                          }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}


extension PatternIndex {
    /// Indexes compiled patterns by the tokens they can start on, and notes the words they can go on with.
    init(_ patterns: [(rule: Int32, start: Int32)], program: Program, builder: ProgramBuilder, wordCount: Int) {
        var index = PatternIndex()
        var buckets = [[Int32]](repeating: [], count: wordCount)
        var pairBuckets: [UInt64: [Int32]] = [:]
        for (number, pattern) in patterns.enumerated() {
            let id = Int32(number)
            index.rule.append(pattern.rule)
            index.start.append(pattern.start)
            if let pairs = PairIndex.startingPairs(of: Int(pattern.start), in: program, builder: builder,
                                                   limit: Self.pairLimit) {
                for pair in pairs { pairBuckets[pair, default: []].append(id) }
                continue
            }
            var words = Set<Int32>()
            for step in Self.firstSteps(program.steps, from: Int(pattern.start)) {
                switch step {
                case .word(let word): words.insert(word)
                case .wordIn(let set): words.formUnion(builder.members(of: set))
                case .trie(let root): words.formUnion(builder.firstWords(ofTrie: root))
                case .kind(let kind): index.byKind[Int(kind.rawValue)].append(id)
                case .prefix(let prefix):
                    if let first = program.prefixes[Int(prefix)].first { index.byPrefix.append((first, id)) }
                case .any: index.anyToken.append(id)
                default: break
                }
            }
            for word in words { buckets[Int(word)].append(id) }
        }
        index.wordOffsets.reserveCapacity(wordCount + 1)
        for bucket in buckets {
            index.wordOffsets.append(Int32(index.byWord.count))
            index.byWord.append(contentsOf: bucket)
        }
        index.wordOffsets.append(Int32(index.byWord.count))
        index.pairs = PairIndex(pairBuckets)
        self = index
    }

    /// A pattern with more starting pairs than this (two large classes in a row) stays in the one-word index.
    static let pairLimit = 4096

    /// The token-consuming steps reachable from `start` without consuming anything.
    static func firstSteps(_ steps: [Step], from start: Int) -> [Step] {
        consumingSteps(steps, from: start).map { steps[$0] }
    }

    /// The positions of the token-consuming steps reachable from `start` without consuming anything.
    static func consumingSteps(_ steps: [Step], from start: Int) -> [Int] {
        var found: [Int] = []
        var pending = [start]
        var seen = Set<Int>()
        while let pc = pending.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch steps[pc] {
            case .split(let first, let second): pending.append(Int(first)); pending.append(Int(second))
            case .jump(let target): pending.append(Int(target))
            case .atStart, .atEnd: pending.append(pc + 1)
            default: found.append(pc)
            }
        }
        return found
    }

}
