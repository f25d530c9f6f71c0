import ArgumentParser
import Foundation
import Reflection

/// `withness reflect-eval FILE`: precision and recall of the reflection rules per family on a labelled set.
///
/// FILE is JSON Lines: `{"text": "…", "labels": ["fixing", …]}` per line (see docs/REFLECTION.md).
struct ReflectEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reflect-eval",
        abstract: "Measure the reflection rules on a labelled JSONL file (precision and recall per family).")

    @Argument(help: "A JSONL file of {\"text\": …, \"labels\": […]} lines.")
    var file: String?

    @Option(help: "A rules file laid over the bundled rules (its \"mode\" says extend or replace).")
    var rules: String?

    @OptionGroup var learned: LearnedModelOptions

    @Flag(help: "Also print every line whose families differ from its labels.")
    var verbose = false

    @Flag(help: "Print the bundled rules file and exit (a starting point for a deployment's own).")
    var printRules = false

    @Option(help: "Analyse one text and print its suggestions as JSON lines, instead of reading FILE.")
    var text: String?

    func run() throws {
        if printRules {
            print(RuleBook.bundledJSON)
            return
        }
        if let text {
            let engine = try learned.engine(rules: rules)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for suggestion in engine.analyse(text).suggestions {
                print(String(decoding: try encoder.encode(suggestion), as: UTF8.self))
            }
            return
        }
        guard let file else { throw ValidationError("Give a JSONL file to evaluate.") }
        let engine = try learned.engine(rules: rules)
        let examples = try LabelledExample.read(path: file)
        var tally = FamilyTally(families: engine.book.families)
        var mismatches: [String] = []
        for example in examples {
            let found = engine.analyse(example.text).families
            tally.add(expected: example.labels, found: found)
            if found != example.labels {
                let missing = example.labels.subtracting(found).sorted().map { "-" + $0 }
                let extra = found.subtracting(example.labels).sorted().map { "+" + $0 }
                mismatches.append("line \(example.line): \((missing + extra).joined(separator: " ")): \(example.text)")
            }
        }
        print(tally.report(lines: examples.count, exact: examples.count - mismatches.count))
        if verbose {
            print("\nMismatches (- missed, + extra):")
            mismatches.forEach { print($0) }
        }
    }

    /// The bundled rules, with a deployment's file laid over them when given.
    static func book(rules path: String?) throws -> RuleBook {
        let bundled = try RuleBook.bundled()
        guard let path else { return bundled }
        return try loadOperatorFile(path, describedAs: "rules file") { try bundled.applying(jsonBytes: $0) }
    }
}

/// One labelled line of an evaluation file.
struct LabelledExample {
    let text: String
    let labels: Set<String>
    let line: Int

    private struct Line: Decodable {
        let text: String
        let labels: [String]
    }

    static func read(path: String) throws -> [LabelledExample] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("Cannot read \(path).") }
        var examples: [LabelledExample] = []
        let decoder = JSONDecoder()
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            do {
                let decoded = try decoder.decode(Line.self, from: Data(line.utf8))
                examples.append(LabelledExample(text: decoded.text, labels: Set(decoded.labels), line: number + 1))
            } catch {
                throw ValidationError("\(path) line \(number + 1) is not {\"text\", \"labels\"} JSON.")
            }
        }
        return examples
    }
}

/// True and false positives and misses per family, and the report printed from them.
struct FamilyTally {
    let families: [String]
    private var truePositives: [String: Int] = [:]
    private var falsePositives: [String: Int] = [:]
    private var falseNegatives: [String: Int] = [:]

    init(families: [String]) { self.families = families }

    mutating func add(expected: Set<String>, found: Set<String>) {
        for family in expected.intersection(found) { truePositives[family, default: 0] += 1 }
        for family in found.subtracting(expected) { falsePositives[family, default: 0] += 1 }
        for family in expected.subtracting(found) { falseNegatives[family, default: 0] += 1 }
    }

    func report(lines: Int, exact: Int) -> String {
        let names = families + Set(truePositives.keys).union(falseNegatives.keys).subtracting(families).sorted()
        var rows = [Self.row("family", "precision", "recall", "tp", "fp", "fn")]
        for family in names {
            rows.append(row(family, truePositives[family, default: 0], falsePositives[family, default: 0],
                            falseNegatives[family, default: 0]))
        }
        rows.append(row("overall", truePositives.values.reduce(0, +), falsePositives.values.reduce(0, +),
                        falseNegatives.values.reduce(0, +)))
        rows.append("\(exact) of \(lines) lines exactly right")
        return rows.joined(separator: "\n")
    }

    private func row(_ name: String, _ tp: Int, _ fp: Int, _ fn: Int) -> String {
        let precision = tp + fp == 0 ? "-" : String(format: "%.3f", Double(tp) / Double(tp + fp))
        let recall = tp + fn == 0 ? "-" : String(format: "%.3f", Double(tp) / Double(tp + fn))
        return Self.row(name, precision, recall, String(tp), String(fp), String(fn))
    }

    private static func row(_ columns: String...) -> String {
        let widths = [14, 10, 8, 5, 5, 5]
        return zip(columns, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined()
    }
}
