/// Why a learned model file was refused, and the line to look at (start-up refuses rather than half-load).
public struct LearnedModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of the file.
    public let line: Int
    /// What is wrong there, in one sentence for an operator.
    public let reason: String

    public var description: String { "line \(line): \(reason)" }
}

/// The model's text form: line-oriented, readable, diffable.
///
/// ```
/// withness-learned-model 1
/// families crisis fixing
/// bias -3.2 -2.9
/// threshold 0.5 0.6
/// rule fixing fixing-advice
/// cue crisis die dead pills
/// -0.012 1.874	you should just
/// ```
/// A feature line is one weight per family, a tab, then the n-gram. `#` starts a comment line.
extension LearnedModel {
    static let header = "withness-learned-model 1"

    /// Reads a model file.
    public static func load(text: String) throws(LearnedModelError) -> LearnedModel {
        var families: [String]?
        var bias: [Float]?
        var thresholds: [Float]?
        var rules: [String: String] = [:]
        var cues: [String: [String]] = [:]
        var features: [Feature] = []
        var sawHeader = false
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !sawHeader {
                guard line == header else { throw LearnedModelError(line: lineNumber, reason: "expected \"\(header)\"") }
                sawHeader = true
                continue
            }
            if let tab = line.firstIndex(of: "\t") {
                guard let width = families?.count, bias != nil, thresholds != nil else {
                    throw LearnedModelError(line: lineNumber, reason: "features come after families, bias and threshold")
                }
                let weights = try numbers(line[..<tab], count: width, line: lineNumber)
                let ngram = String(line[line.index(after: tab)...])
                guard !ngram.isEmpty, !ngram.contains("  "), !ngram.hasPrefix(" "), !ngram.hasSuffix(" ") else {
                    throw LearnedModelError(line: lineNumber, reason: "an n-gram is words separated by single spaces")
                }
                features.append(Feature(ngram: ngram, weights: weights))
                continue
            }
            let words = line.split(separator: " ")
            switch words.first {
            case "families":
                families = words.dropFirst().map(String.init)
                if families?.isEmpty ?? true || Set(families ?? []).count != families?.count {
                    throw LearnedModelError(line: lineNumber, reason: "families must be named once each")
                }
            case "bias", "threshold":
                guard let width = families?.count else {
                    throw LearnedModelError(line: lineNumber, reason: "\(words[0]) comes after families")
                }
                let values = try numbers(line.dropFirst(words[0].count), count: width, line: lineNumber)
                if words[0] == "bias" { bias = values } else { thresholds = values }
            case "rule":
                guard words.count == 3, families?.contains(String(words[1])) ?? false else {
                    throw LearnedModelError(line: lineNumber, reason: "expected \"rule FAMILY RULE-ID\" for a declared family")
                }
                rules[String(words[1])] = String(words[2])
            case "cue":
                guard words.count >= 3, families?.contains(String(words[1])) ?? false else {
                    throw LearnedModelError(line: lineNumber, reason: "expected \"cue FAMILY WORD…\" for a declared family")
                }
                cues[String(words[1]), default: []] += words.dropFirst(2).map(String.init)
            default:
                throw LearnedModelError(line: lineNumber, reason: "unknown line \"\(words.first ?? "")\"")
            }
        }
        guard sawHeader, let families, let bias, let thresholds else {
            throw LearnedModelError(line: lineNumber, reason: "the file needs the header, families, bias and threshold")
        }
        return LearnedModel(families: families, bias: bias, thresholds: thresholds, rules: rules, cues: cues,
                            features: features)
    }

    private static func numbers(_ text: Substring, count: Int, line: Int) throws(LearnedModelError) -> [Float] {
        let values = text.split(separator: " ").compactMap { Float($0) }
        guard values.count == count, text.split(separator: " ").count == count, values.allSatisfy(\.isFinite) else {
            throw LearnedModelError(line: line, reason: "expected \(count) numbers, one per family")
        }
        return values
    }

    /// The model as a file `load(text:)` reads back.
    public var text: String {
        var lines = [Self.header, "families " + families.joined(separator: " "),
                     "bias " + bias.map(Self.format).joined(separator: " "),
                     "threshold " + thresholds.map(Self.format).joined(separator: " ")]
        for family in families { if let rule = rules[family] { lines.append("rule \(family) \(rule)") } }
        for family in families {
            if let words = cues[family], !words.isEmpty { lines.append("cue \(family) " + words.joined(separator: " ")) }
        }
        for feature in features {
            lines.append(feature.weights.map(Self.format).joined(separator: " ") + "\t" + feature.ngram)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Three decimals: plenty for a weight, and it keeps the file small.
    static func format(_ value: Float) -> String {
        let scaled = (Double(value) * 1000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let fraction = magnitude % 1000
        let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return "\(sign)\(magnitude / 1000).\(padded)"
    }
}
