import ArgumentParser
import Chat
import Foundation
import Reflection

/// Builds the reflection engine `serve` runs: the bundled rules with a deployment's file laid over them,
/// and the support resources. A file that does not hold up is refused at start-up with its line and reason.
enum ReflectionOptions {
    static func setup(rules: String?, learned: LearnedModelOptions, supportResources: String?, roomPrompts: Bool) throws -> ReflectionSetup {
        let engine = try learned.engine(rules: rules)
        var support: SupportResources?
        if let path = supportResources {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("Cannot read support resources file \(path).")
            }
            do {
                support = try SupportResources.load(jsonBytes: Array(data))
            } catch {
                throw ValidationError("Support resources file \(path) refused: \(error)")
            }
        }
        return ReflectionSetup(engine: engine, support: support, roomPrompts: roomPrompts)
    }
}
