import Foundation

/// A labelled evaluation file from `Fixtures/` (JSON Lines of `{"text", "labels", "note"?}`), and the per-family
/// precision and recall of a set of predictions on it.
struct LabelledSet {
    struct Line: Decodable {
        let text: String
        let labels: Set<String>
    }

    let lines: [Line]

    /// Reads `Fixtures/<name>` next to this file, so the tests find it wherever the package is checked out.
    init(fixture name: String, filePath: String = #filePath) throws {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let decoder = JSONDecoder()
        lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try decoder.decode(Line.self, from: Data($0.utf8))
        }
    }

    /// Precision and recall for one family, given the families found for each line (in order).
    func score(_ family: String, found: [Set<String>]) -> (precision: Double, recall: Double) {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        for (line, families) in zip(lines, found) {
            switch (line.labels.contains(family), families.contains(family)) {
            case (true, true): truePositives += 1
            case (false, true): falsePositives += 1
            case (true, false): falseNegatives += 1
            case (false, false): break
            }
        }
        let precision = truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        let recall = truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        return (precision, recall)
    }

    /// Precision and recall over all families together: every offered family and every label counts once.
    func overallScore(found: [Set<String>]) -> (precision: Double, recall: Double) {
        var offered = 0, right = 0, expected = 0
        for (line, families) in zip(lines, found) {
            offered += families.count
            right += families.intersection(line.labels).count
            expected += line.labels.count
        }
        return (Double(right) / Double(max(offered, 1)), Double(right) / Double(max(expected, 1)))
    }
}
