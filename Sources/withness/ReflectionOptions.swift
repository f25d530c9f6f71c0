import ArgumentParser
import Chat
import Reflection

/// Builds the reflection engine `serve` runs: the bundled rules with a deployment's file laid over them,
/// and the support resources. A file that does not hold up is refused at start-up with its line and reason.
enum ReflectionOptions {
    static func setup(rules: String?, learned: LearnedModelOptions, supportResources: String?, roomPrompts: Bool) throws -> ReflectionSetup {
        let engine = try learned.engine(rules: rules)
        var support: SupportResources?
        if let path = supportResources {
            support = try loadOperatorFile(path, describedAs: "support resources file") {
                try SupportResources.load(jsonBytes: $0)
            }
        }
        return ReflectionSetup(engine: engine, support: support, roomPrompts: roomPrompts)
    }
}
