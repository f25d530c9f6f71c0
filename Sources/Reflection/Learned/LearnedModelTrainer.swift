/// Fits a `LearnedModel` to labelled lines: one logistic regression per family over shared n-gram features.
///
/// Deterministic (full-batch gradient descent from zero, in a fixed order), so the same lines always give the
/// same model file. Features are the `FeatureHasher`'s distinct n-grams of a message, each worth
/// 1/√(distinct n-grams in the message), kept only when at least `minimumCount` messages have them: rarer n-grams
/// mostly memorise a line rather than teach a way of speaking.
public struct LearnedModelTrainer: Sendable {
    /// One labelled message.
    public struct Example: Sendable {
        public let text: String
        public let labels: Set<String>
        /// A message and the families it should get.
        public init(text: String, labels: Set<String>) {
            self.text = text
            self.labels = labels
        }
    }

    /// The knobs; the defaults are the ones the bundled model was trained with.
    public struct Settings: Sendable {
        public var epochs = 600
        public var learningRate: Double = 40
        public var l2: Double = 0.01
        public var minimumCount = 2
        public var threshold: Float = 0.5
        /// Features whose largest weight is smaller than this are left out of the file.
        public var smallestWeight: Float = 0.005
        /// Defaults.
        public init() {}
    }

    let book: RuleBook
    let settings: Settings

    /// A trainer that tokenizes exactly as an engine compiled from `book` does.
    public init(book: RuleBook, settings: Settings = Settings()) {
        self.book = book
        self.settings = settings
    }

    /// Trains on `examples` for `families` (default: the book's) and says which rule each family's suggestions borrow.
    public func train(_ examples: [Example], families: [String]? = nil, rules: [String: String] = [:],
                      cues: [String: [String]] = [:]) -> LearnedModel {
        let families = families ?? book.families
        let engine = ReflectionEngine(book: book, model: nil)
        let hasher = FeatureHasher(lexicon: engine.tokenizer.lexicon)
        var counts: [String: Int] = [:]
        var perMessage: [[String]] = []
        for example in examples {
            var stream = TokenStream(capacity: example.text.utf8.count)
            engine.tokenizer.tokenize(example.text, into: &stream)
            var ngrams: Set<String> = []
            hasher.forEachFeatureText(in: stream) { _, ngram in ngrams.insert(ngram) }
            for ngram in ngrams { counts[ngram, default: 0] += 1 }
            perMessage.append(ngrams.sorted())
        }
        let vocabulary = counts.filter { $0.value >= settings.minimumCount }.keys.sorted()
        let column = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let rows = perMessage.map { ngrams in
            (features: ngrams.compactMap { column[$0] }, scale: 1 / Double(max(ngrams.count, 1)).squareRoot())
        }
        let targets = examples.map { example in families.map { example.labels.contains($0) ? 1.0 : 0.0 } }
        let (weights, bias) = descend(rows: rows, targets: targets, width: families.count, columns: vocabulary.count)
        var features: [LearnedModel.Feature] = []
        for (index, ngram) in vocabulary.enumerated() {
            let row = (0..<families.count).map { Float(weights[index * families.count + $0]) }
            if row.contains(where: { abs($0) >= settings.smallestWeight }) {
                features.append(LearnedModel.Feature(ngram: ngram, weights: row))
            }
        }
        return LearnedModel(
            families: families, bias: bias.map(Float.init),
            thresholds: Array(repeating: settings.threshold, count: families.count),
            rules: rules, cues: cues, features: features)
    }

    private func descend(rows: [(features: [Int], scale: Double)], targets: [[Double]], width: Int, columns: Int)
        -> (weights: [Double], bias: [Double])
    {
        var weights = [Double](repeating: 0, count: columns * width)
        var bias = [Double](repeating: 0, count: width)
        var gradient = [Double](repeating: 0, count: columns * width)
        var score = [Double](repeating: 0, count: width)
        let count = Double(max(rows.count, 1))
        for _ in 0..<settings.epochs {
            for index in gradient.indices { gradient[index] = 0 }
            var biasGradient = [Double](repeating: 0, count: width)
            for (message, row) in rows.enumerated() {
                for family in 0..<width { score[family] = bias[family] }
                for feature in row.features {
                    for family in 0..<width { score[family] += weights[feature * width + family] * row.scale }
                }
                for family in 0..<width {
                    let error = 1 / (1 + exponential(-score[family])) - targets[message][family]
                    biasGradient[family] += error
                    score[family] = error * row.scale
                }
                for feature in row.features {
                    for family in 0..<width { gradient[feature * width + family] += score[family] }
                }
            }
            let step = settings.learningRate / count
            for index in weights.indices {
                weights[index] -= step * (gradient[index] + settings.l2 * weights[index])
            }
            for family in 0..<width { bias[family] -= step * biasGradient[family] }
        }
        return (weights, bias)
    }
}
