/// Why a rules (or support resources) file was refused, and the line to look at.
///
/// A deployment's file is checked once at start-up; the server refuses to start on any of these rather than
/// run with a half-understood rule set.
public struct RulesFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The broken rule of the file format.
    public enum Problem: Equatable, Sendable {
        /// The text is not JSON; `expected` says what the parser was looking for.
        case invalidJSON(expected: String)
        /// A required field is absent from an object.
        case missingField(String)
        /// A field the format does not know (usually a typo).
        case unknownField(String)
        /// A field holds the wrong type of value.
        case wrongType(field: String, expected: String)
        /// `version` is not one this build reads.
        case unsupportedVersion(Int)
        /// `mode` is neither `extend` nor `replace`.
        case unknownMode(String)
        /// A rule names a family the file (or the bundled rules, when extending) does not declare.
        case unknownFamily(String)
        /// Not one of `connection`, `worldview`, `mutuality`, `moving-towards`.
        case unknownTask(String)
        /// Not one of `learning`, `relationship`, `hope`.
        case unknownPrinciple(String)
        /// A rule with no patterns could never fire.
        case emptyPatterns(rule: String)
        /// A text field (suggestion, why, pattern, alias…) is empty.
        case emptyText(field: String)
        /// Two rules (or families, classes, guards) share a name; `firstLine` is where it was first used.
        case duplicateName(String, firstLine: Int)
        /// A pattern does not follow the pattern syntax.
        case invalidPattern(String, reason: String)
        /// A pattern uses `{NAME}` for a class that is not defined.
        case unknownClass(String)
        /// A rule refers to a shared guard that is not defined.
        case unknownGuard(String)
        /// A `disable` entry names no known rule.
        case unknownRule(String)
        /// The `prompts` section names a prompt kind this build does not know.
        case unknownPromptKind(String)
        /// A guard's `where` is not `before`, `after`, `at`, `inside`, `sentence` or `text`.
        case unknownGuardScope(String)
    }

    /// The 1-based line of the file the problem is on.
    public let line: Int
    /// What is wrong there.
    public let problem: Problem

    /// Makes an error for `problem` at `line`.
    public init(line: Int, _ problem: Problem) {
        self.line = line
        self.problem = problem
    }

    /// One line for an operator: "line 42: unknown family \"fixng\"".
    public var description: String { "line \(line): \(problem.explanation)" }
}

extension RulesFileError.Problem {
    /// The problem in plain words.
    public var explanation: String {
        switch self {
        case .invalidJSON(let expected): "invalid JSON, expected \(expected)"
        case .missingField(let field): "missing field \"\(field)\""
        case .unknownField(let field): "unknown field \"\(field)\""
        case .wrongType(let field, let expected): "\"\(field)\" must be \(expected)"
        case .unsupportedVersion(let version): "unsupported version \(version) (this build reads version 1)"
        case .unknownMode(let mode): "unknown mode \"\(mode)\" (use \"extend\" or \"replace\")"
        case .unknownFamily(let family): "unknown family \"\(family)\" (declare it under \"families\")"
        case .unknownTask(let task): "unknown task \"\(task)\" (connection, worldview, mutuality, moving-towards)"
        case .unknownPrinciple(let principle): "unknown principle \"\(principle)\" (learning, relationship, hope)"
        case .emptyPatterns(let rule): "rule \"\(rule)\" has no patterns"
        case .emptyText(let field): "\"\(field)\" is empty"
        case .duplicateName(let name, let firstLine): "\"\(name)\" is defined twice (first on line \(firstLine))"
        case .invalidPattern(let pattern, let reason): "pattern \"\(pattern)\": \(reason)"
        case .unknownClass(let name): "unknown class {\(name)}"
        case .unknownGuard(let name): "unknown guard \"\(name)\""
        case .unknownRule(let id): "no rule \"\(id)\" to disable"
        case .unknownPromptKind(let kind): "unknown prompt kind \"\(kind)\""
        case .unknownGuardScope(let scope): "unknown guard scope \"\(scope)\" (before, after, at, inside, sentence, text)"
        }
    }
}
