/// A reframe offered privately to the writer: the wire shape of protocol §7.
///
/// `span` is the matched words in UTF-16 code units of the text, end exclusive, so a client can underline
/// them in what the person typed.
public struct Suggestion: Sendable, Equatable, Codable {
    /// The id of the rule that fired.
    public let rule: String
    /// Its family (at most one suggestion per family per text).
    public let family: String
    /// The IPS task the suggestion serves.
    public let task: IPSTask
    /// The IPS principle it leans on.
    public let principle: IPSPrinciple
    /// What the writer could do instead, offered as an option.
    public let text: String
    /// One sentence saying why.
    public let why: String
    /// The matched words, in UTF-16 code units, end exclusive.
    public let span: Range<Int>

    /// A suggestion with these fields.
    public init(rule: String, family: String, task: IPSTask, principle: IPSPrinciple, text: String, why: String,
                span: Range<Int>) {
        self.rule = rule
        self.family = family
        self.task = task
        self.principle = principle
        self.text = text
        self.why = why
        self.span = span
    }

    private enum CodingKeys: String, CodingKey { case rule, family, task, principle, text, why, span }

    /// Encodes the wire shape, with `span` as `[start, end]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(family, forKey: .family)
        try container.encode(task, forKey: .task)
        try container.encode(principle, forKey: .principle)
        try container.encode(text, forKey: .text)
        try container.encode(why, forKey: .why)
        try container.encode([span.lowerBound, span.upperBound], forKey: .span)
    }

    /// Decodes the wire shape; a `span` that is not `[start, end]` with start ≤ end is refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let bounds = try container.decode([Int].self, forKey: .span)
        guard bounds.count == 2, bounds[0] <= bounds[1] else {
            throw DecodingError.dataCorruptedError(forKey: .span, in: container, debugDescription: "span is [start, end]")
        }
        self.init(
            rule: try container.decode(String.self, forKey: .rule),
            family: try container.decode(String.self, forKey: .family),
            task: try container.decode(IPSTask.self, forKey: .task),
            principle: try container.decode(IPSPrinciple.self, forKey: .principle),
            text: try container.decode(String.self, forKey: .text),
            why: try container.decode(String.self, forKey: .why),
            span: bounds[0]..<bounds[1])
    }

    /// The same suggestion for another span.
    func at(_ span: Range<Int>) -> Suggestion {
        Suggestion(rule: rule, family: family, task: task, principle: principle, text: text, why: why, span: span)
    }
}
