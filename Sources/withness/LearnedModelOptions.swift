import ArgumentParser
import Reflection

/// `--model FILE` and `--no-learned-model`: which learned layer runs beside the rules (docs/REFLECTION.md).
struct LearnedModelOptions: ParsableArguments {
    @Option(help: "A learned model file (from `withness reflect-train`) used instead of the bundled one.")
    var model: String?

    @Flag(name: .customLong("no-learned-model"), help: "Offer only what the phrase rules find (no learned layer).")
    var noLearnedModel = false

    func validate() throws {
        if model != nil && noLearnedModel { throw ValidationError("--model and --no-learned-model contradict each other.") }
    }

    /// The engine: the bundled rules with `rules` laid over them, and the chosen model.
    func engine(rules: String?) throws -> ReflectionEngine {
        ReflectionEngine(book: try ReflectEval.book(rules: rules), model: try learnedModel())
    }

    func learnedModel() throws -> LearnedModel? {
        if noLearnedModel { return nil }
        guard let path = model else { return LearnedModel.bundled }
        return try loadOperatorFile(path, describedAs: "model file") {
            try LearnedModel.load(text: String(decoding: $0, as: UTF8.self))
        }
    }
}
