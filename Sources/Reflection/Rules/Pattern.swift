/// One written pattern of a rule, class or guard, parsed but not yet compiled.
///
/// Syntax (see docs/REFLECTION.md): words separated by spaces are matched in order, after the same
/// normalisation as messages (so "what's" also matches "whats" and "what is"); `word*` matches any word
/// starting with `word`; `(a|b c)` is a choice; `[a|b]` is an optional choice; `{NAME}` is a class (or one of
/// `{NUMBER}` `{PHONE}` `{EMAIL}` `{HANDLE}` `{URL}`); `_` is any one word; `..N` skips up to N words and
/// `...` up to 4; `^` and `$` hold at the start and end of a sentence or clause. A pattern never crosses a
/// sentence break.
public struct Pattern: Sendable, Equatable {
    /// The pattern as written in the file.
    public let source: String
    /// The parsed elements.
    let nodes: [PatternNode]
    /// The line of the file it was written on.
    public let line: Int

    /// Parses `source`, refusing bad syntax with `line`.
    public init(_ source: String, line: Int) throws(RulesFileError) {
        self.source = source
        self.line = line
        do {
            nodes = try PatternParser.parse(source)
        } catch {
            throw RulesFileError(line: line, .invalidPattern(source, reason: error.reason))
        }
    }

    /// The class names (`{NAME}`) the pattern uses.
    var classNames: [String] { PatternNode.classNames(in: nodes) }
}

/// An element of a parsed pattern.
indirect enum PatternNode: Sendable, Equatable {
    /// One written word; it may normalise to several tokens ("can't" → can not).
    case literal(String)
    /// Any word starting with these (normalised) letters.
    case prefix(String)
    /// A class of phrases, or a built-in token kind.
    case slot(String)
    /// Exactly one word of any kind.
    case anyWord
    /// Up to this many words of any kind.
    case gap(Int)
    /// `^`: the start of a sentence or clause (after a comma), or only openers ({OPENERS}) before.
    case clauseStart
    /// `$`: the end of a sentence or clause (before a comma).
    case clauseEnd
    /// One of several sequences; `optional` when none need match.
    case choice([[PatternNode]], optional: Bool)

    static func classNames(in nodes: [PatternNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .slot(let name): [name]
            case .choice(let branches, _): branches.flatMap { classNames(in: $0) }
            default: []
            }
        }
    }
}
