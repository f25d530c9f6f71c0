/// Patterns indexed by the two words they must start with, looked up by the word pair at each position.
///
/// Most patterns start with a common word ("i", "you", "what") that a 300-character message holds several
/// times; indexed by that word alone, each is tried (and mostly fails) at every occurrence. Indexed by the
/// first *two* words, a pattern is only tried where both stand together, which is rare. A pattern that
/// starts with any one word then a word (`^ _ is …`) is indexed by `anyWord` and that second word. Patterns
/// whose start is none of these (a slot, a prefix, a longer gap, a one-word match) stay in the one-word index.
struct PairIndex: Sendable {
    /// An open-addressing table keyed by the word pair; empty slots hold `emptyKey`.
    var slots: [PairSlot] = [PairSlot(key: PairSlot.emptyKey, first: 0, end: 0)]
    /// The patterns of slot `s`: `patterns[slots[s].first ..< slots[s].end]`, in pattern order.
    var patterns: [Int32] = []

    /// One word pair and the patterns that can start with it.
    struct PairSlot: Sendable {
        static let emptyKey = UInt64.max
        var key: UInt64
        var first: Int32
        var end: Int32
    }

    /// Stands for "any token" as the first of a pair (`_` in a pattern); never a lexicon id.
    static let anyWord: Int32 = -1

    /// The key for `first` followed by `second` (lexicon word ids, or `anyWord` first).
    @inline(__always) static func key(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    /// Where probing for `key` begins in a table of `mask + 1` slots.
    @inline(__always) static func home(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// Lays out `buckets` (pair key → patterns in ascending order) as the probe table.
    init(_ buckets: [UInt64: [Int32]]) {
        var capacity = 1
        while capacity < buckets.count * 2 { capacity <<= 1 }
        slots = Array(repeating: PairSlot(key: PairSlot.emptyKey, first: 0, end: 0), count: capacity)
        for (key, bucket) in buckets.sorted(by: { $0.key < $1.key }) {
            var slot = Self.home(key, mask: capacity - 1)
            while slots[slot].key != PairSlot.emptyKey { slot = (slot + 1) & (capacity - 1) }
            let first = Int32(patterns.count)
            patterns += bucket
            slots[slot] = PairSlot(key: key, first: first, end: Int32(patterns.count))
        }
    }

    init() {}
}

/// A `PairIndex` borrowed for one analysis.
struct PairTables {
    let slots: UnsafeBufferPointer<PairIndex.PairSlot>
    let patterns: UnsafeBufferPointer<Int32>

    /// The patterns that can start with `first` (a word id or `PairIndex.anyWord`) then `second`, in
    /// pattern order; none when `second` is not a word (a slot token, or no next token in the sentence).
    @inline(__always) func patterns(startingWith first: Int32, then second: Int32) -> Slice<UnsafeBufferPointer<Int32>> {
        guard second >= 0 else { return patterns[0..<0] }
        return patterns[range(first, second)]
    }

    @inline(__always) private func range(_ first: Int32, _ second: Int32) -> Range<Int> {
        let key = PairIndex.key(first, second)
        let mask = slots.count - 1
        var slot = PairIndex.home(key, mask: mask)
        while true {
            let found = slots[slot]
            if found.key == key { return Int(found.first)..<Int(found.end) }
            if found.key == PairIndex.PairSlot.emptyKey { return 0..<0 }
            slot = (slot + 1) & mask
        }
    }
}

extension PairIndex {
    /// Runs `body` with the table borrowed as buffers.
    func withTables<Result>(_ body: (PairTables) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            patterns.withUnsafeBufferPointer { patterns in body(PairTables(slots: slots, patterns: patterns)) }
        }
    }

    /// Every (first word, second word) a pattern starting at step `start` can begin with (`anyWord` first
    /// for `_`), or nil when its start is not two words (a slot, prefix or gap comes second, a slot or prefix
    /// first, or it can match one word), or when there are more than `limit` pairs. Over-approximates: the
    /// matcher still checks every attempt.
    static func startingPairs(of start: Int, in program: Program, builder: ProgramBuilder, limit: Int) -> Set<UInt64>? {
        var pairs = Set<UInt64>()
        func add(_ firsts: [Int32], then seconds: [Int32]) -> Bool {
            for first in firsts {
                for second in seconds { pairs.insert(key(first, second)) }
                if pairs.count > limit { return false }
            }
            return true
        }
        for pc in PatternIndex.consumingSteps(program.steps, from: start) {
            switch program.steps[pc] {
            case .word(let word):
                guard let seconds = wordsStarting(pc + 1, program, builder), add([word], then: seconds) else { return nil }
            case .wordIn(let set):
                guard let seconds = wordsStarting(pc + 1, program, builder), add(builder.members(of: set), then: seconds)
                else { return nil }
            case .any:
                guard let seconds = wordsStarting(pc + 1, program, builder), add([anyWord], then: seconds) else { return nil }
            case .trie(let root):
                guard !program.trieTerminal[Int(root)] else { return nil }
                for (word, node) in trieChildren(Int(root), program) {
                    var seconds = trieChildren(node, program).map(\.word)
                    if program.trieTerminal[node] {
                        guard let after = wordsStarting(pc + 1, program, builder) else { return nil }
                        seconds += after
                    }
                    guard add([word], then: seconds) else { return nil }
                }
            default:
                return nil
            }
        }
        return pairs.isEmpty ? nil : pairs
    }

    /// The words a match can go on with from step `pc`, or nil when something other than a word can.
    private static func wordsStarting(_ pc: Int, _ program: Program, _ builder: ProgramBuilder) -> [Int32]? {
        var words: [Int32] = []
        for next in PatternIndex.consumingSteps(program.steps, from: pc) {
            switch program.steps[next] {
            case .word(let word): words.append(word)
            case .wordIn(let set): words += builder.members(of: set)
            case .trie(let root):
                guard !program.trieTerminal[Int(root)] else { return nil }
                words += trieChildren(Int(root), program).map(\.word)
            default: return nil
            }
        }
        return words
    }

    private static func trieChildren(_ node: Int, _ program: Program) -> [(word: Int32, node: Int)] {
        (Int(program.trieChildStart[node])..<Int(program.trieChildStart[node + 1])).map {
            (program.trieChildWords[$0], Int(program.trieChildNodes[$0]))
        }
    }
}
