import ArgumentParser
import Foundation

/// Reads and parses a file an operator named on the command line (rules, model, support resources).
/// A file that cannot be read or does not hold up stops start-up with its path and the parser's reason.
func loadOperatorFile<Value>(_ path: String, describedAs what: String, _ parse: ([UInt8]) throws -> Value) throws -> Value {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("Cannot read \(what) \(path).")
    }
    do {
        return try parse(Array(data))
    } catch {
        throw ValidationError("\(what.prefix(1).uppercased())\(what.dropFirst()) \(path) refused: \(error)")
    }
}
