/// A `LearnedModel` bound to one engine's rule book: which column is which family, the suggestion each
/// family borrows, and thresholds turned into raw scores so scoring needs no logarithm or exponential.
struct CompiledModel: Sendable {
    let model: LearnedModel
    let hasher: FeatureHasher
    /// Per model column: the book's family index, or -1 when the book has no such family (never offered).
    let familyOfColumn: [Int]
    /// Per model column: the score above which the family is offered.
    let scoreThreshold: [Float]
    /// Per model column: whether the family may only be offered when one of its cue words is in the message.
    let needsCue: [Bool]
    /// Per book family: the suggestion a model-found family borrows, with `rule` naming the model.
    let templates: [Suggestion?]

    init(model: LearnedModel, book: RuleBook, lexicon: Lexicon) {
        self.model = model
        hasher = FeatureHasher(lexicon: lexicon)
        familyOfColumn = model.families.map { book.families.firstIndex(of: $0) ?? -1 }
        scoreThreshold = model.thresholds.map(LearnedModel.logit)
        needsCue = model.families.map { !(model.cues[$0] ?? []).isEmpty }
        templates = book.families.map { family in
            let borrowed = model.rules[family].flatMap { id in book.rules.first { $0.id == id } }
                ?? book.rules.first { $0.family == family }
            return borrowed.map {
                Suggestion(rule: "learned-" + family, family: family, task: $0.task, principle: $0.principle,
                           text: $0.text, why: $0.why, span: 0..<0)
            }
        }
    }

    /// Marks in `bestRule` (`FamilyMark.learned`) the families the model offers that the rules neither found
    /// nor ruled out (`FamilyMark.none` only), and sets their spans to the sentence that weighed most for them.
    func score(_ stream: TokenStream, bestRule: UnsafeMutableBufferPointer<Int32>,
               spans: UnsafeMutableBufferPointer<Range<Int>>) {
        let width = model.families.count
        let sentences = max(stream.sentenceStarts.count - 1, 0)
        guard sentences > 0, !stream.tokens.isEmpty else { return }
        // Each distinct n-gram counts once, so a repeated line cannot talk the model into anything.
        var slots = 64
        while slots < (FeatureHasher.featureLimit(stream) + 1) * 2 { slots *= 2 }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: slots) { seen in
          withUnsafeTemporaryAllocation(of: Float.self, capacity: width * sentences) { sums in
            seen.initialize(repeating: 0)
            sums.initialize(repeating: 0)
            var featureCount = 0
            var cuesSeen: UInt64 = 0
            model.table.withLookup { table in
                hasher.forEachFeature(in: stream) { sentence, hash in
                    guard Self.insert(hash, into: seen) else { return }
                    featureCount += 1
                    let row = table.row(hash)
                    guard row >= 0 else { return }
                    cuesSeen |= table.cueBits[row]
                    let base = sentence * width
                    let start = row * width
                    for column in 0..<width { sums[base + column] += Float(table.weights[start + column]) }
                }
            }
            let scale = model.table.scale / Float(max(featureCount, 1)).squareRoot()
            for column in 0..<width where familyOfColumn[column] >= 0 && bestRule[familyOfColumn[column]] == FamilyMark.none {
                var total: Float = 0
                var heaviest = 0
                for sentence in 0..<sentences {
                    let value = sums[sentence * width + column]
                    total += value
                    if value > sums[heaviest * width + column] { heaviest = sentence }
                }
                guard model.bias[column] + total * scale > scoreThreshold[column],
                      !needsCue[column] || cuesSeen & (1 << UInt64(column)) != 0 else { continue }
                let first = Int(stream.sentenceStarts[heaviest])
                let last = Int(stream.sentenceStarts[heaviest + 1]) - 1
                guard first <= last else { continue }
                bestRule[familyOfColumn[column]] = FamilyMark.learned
                spans[familyOfColumn[column]] = Int(stream.tokens[first].start)..<Int(stream.tokens[last].end)
            }
          }
        }
    }

    /// Adds `hash` to the open-addressing set `seen` (0 marks a free slot); false when it was already there.
    @inline(__always) static func insert(_ hash: UInt64, into seen: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        let key = hash == 0 ? 1 : hash
        let mask = seen.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while seen[slot] != 0 {
            if seen[slot] == key { return false }
            slot = (slot + 1) & mask
        }
        seen[slot] = key
        return true
    }
}
