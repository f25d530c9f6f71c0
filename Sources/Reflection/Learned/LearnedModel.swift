/// A small linear model over word n-grams that catches what the phrase rules miss.
///
/// The rules are precise but only know the phrasings someone wrote down; people find endless others
/// ("tying up loose ends before Friday", "what you want is a weighted blanket"). The model is trained on
/// labelled lines (`withness reflect-train`) and weighs every unigram and bigram of a message per
/// family; a family the rules did not find is offered when the model's probability passes the family's
/// threshold. It is data like the rules: a readable text file a deployment can retrain or switch off.
public struct LearnedModel: Sendable, Equatable {
    /// The families the model scores, in column order.
    public let families: [String]
    /// Per family: the score of a message with no known features.
    public let bias: [Float]
    /// Per family: the probability above which the model offers the family (1 or more: never).
    public let thresholds: [Float]
    /// Per family: the rule whose words a model-found suggestion borrows (its text and why).
    public let rules: [String: String]
    /// Per family, words of which a message must hold at least one (not in a negated clause) before the
    /// model may offer the family; a family without cues needs none. Crisis has them: a false crisis offer
    /// alerts facilitators, so the model must not reach it from "I want to understand myself better".
    public let cues: [String: [String]]
    /// The weighted n-grams (`"you should just"`), each with one weight per family.
    public let features: [Feature]
    let table: WeightTable

    /// One weighted n-gram.
    public struct Feature: Sendable, Equatable {
        /// Normalised words separated by single spaces; `<s>` starts a sentence, `<num>`, `<name>`… stand for shapes.
        public let ngram: String
        /// One weight per family, in `families` order.
        public let weights: [Float]

        /// A feature as the trainer or the model file gives it.
        public init(ngram: String, weights: [Float]) {
            self.ngram = ngram
            self.weights = weights
        }
    }

    /// Builds a model; `weights` rows must have one value per family (the file reader checks).
    public init(families: [String], bias: [Float], thresholds: [Float], rules: [String: String],
                cues: [String: [String]] = [:], features: [Feature]) {
        self.families = families
        self.bias = bias
        self.thresholds = thresholds
        self.rules = rules
        self.cues = cues
        self.features = features
        table = WeightTable(
            width: families.count,
            rows: features.map { (FeatureHasher.ngramHash($0.ngram), $0.weights) },
            cues: families.indices.flatMap { column in
                (cues[families[column]] ?? []).map { (FeatureHasher.ngramHash($0), column) }
            })
    }

    /// The same model with other thresholds (a deployment trading recall for precision, or `1` to turn a family off).
    public func withThresholds(_ thresholds: [String: Float]) -> LearnedModel {
        LearnedModel(
            families: families, bias: bias,
            thresholds: families.indices.map { thresholds[families[$0]] ?? self.thresholds[$0] },
            rules: rules, cues: cues, features: features)
    }

    public static func == (lhs: LearnedModel, rhs: LearnedModel) -> Bool {
        lhs.families == rhs.families && lhs.bias == rhs.bias && lhs.thresholds == rhs.thresholds
            && lhs.rules == rhs.rules && lhs.cues == rhs.cues && lhs.features == rhs.features
    }

    /// The probability threshold as a score: `sigmoid(score) > p` ⇔ `score > log(p / (1 − p))`.
    static func logit(_ probability: Float) -> Float {
        if probability >= 1 { return .infinity }
        if probability <= 0 { return -.infinity }
        return logarithm(probability / (1 - probability))
    }
}

/// Natural logarithm without Foundation (the module stays dependency-free): range-reduce by powers of two,
/// then the atanh series, accurate to float precision for a threshold.
func logarithm(_ value: Float) -> Float {
    var mantissa = Double(value)
    var exponent = 0.0
    while mantissa > 1.5 { mantissa /= 2; exponent += 1 }
    while mantissa < 0.75 { mantissa *= 2; exponent -= 1 }
    let ratio = (mantissa - 1) / (mantissa + 1)
    let square = ratio * ratio
    var term = ratio
    var sum = 0.0
    var denominator = 1.0
    for _ in 0..<12 {
        sum += term / denominator
        term *= square
        denominator += 2
    }
    return Float(2 * sum + exponent * 0.693_147_180_559_945_3)
}

/// e^x without Foundation, for the trainer's sigmoid: range-reduce by ln 2, then a Taylor series.
func exponential(_ value: Double) -> Double {
    let clamped = min(max(value, -60), 60)
    let ln2 = 0.693_147_180_559_945_3
    let whole = (clamped / ln2).rounded()
    let rest = clamped - whole * ln2
    var term = 1.0
    var sum = 1.0
    for step in 1...14 {
        term *= rest / Double(step)
        sum += term
    }
    var scale = 1.0
    let powers = Int(whole)
    if powers >= 0 { for _ in 0..<powers { scale *= 2 } } else { for _ in 0..<(-powers) { scale /= 2 } }
    return sum * scale
}

extension LearnedModel {
    /// The model that ships in the binary, trained on the project's training lines (`make train-reflection`).
    public static let bundled: LearnedModel? = try? LearnedModel.load(text: bundledText)
}
