/// Decodes one rule (and the guards inside it), each problem reported on the line of the field at fault.
enum RuleDecoder {
    static func rule(_ value: JSONValue) throws(RulesFileError) -> Rule {
        let fields = try Fields(value, field: "rules")
        try fields.allow(["id", "family", "task", "principle", "patterns", "unless", "requires", "text", "why", "comment"])
        let id = try fields.text("id")
        let familyValue = try fields.required("family")
        let family = try Fields.text(familyValue, field: "family")
        let patternValues = try Fields.array(fields.required("patterns"), field: "patterns")
        guard !patternValues.isEmpty else { throw RulesFileError(line: fields.line, .emptyPatterns(rule: id)) }
        var patterns: [Pattern] = []
        for item in patternValues { patterns.append(try Pattern(Fields.text(item, field: "patterns"), line: item.line)) }
        return Rule(
            id: id, family: family, task: try task(fields.required("task")),
            principle: try principle(fields.required("principle")), patterns: patterns,
            unless: try guardReferences(fields["unless"], field: "unless"),
            requires: try guardReferences(fields["requires"], field: "requires"),
            text: try fields.text("text"), why: try fields.text("why"), line: fields.line, familyLine: familyValue.line)
    }

    static func task(_ value: JSONValue) throws(RulesFileError) -> IPSTask {
        let name = try Fields.text(value, field: "task")
        guard let task = IPSTask(rawValue: name) else { throw RulesFileError(line: value.line, .unknownTask(name)) }
        return task
    }

    static func principle(_ value: JSONValue) throws(RulesFileError) -> IPSPrinciple {
        let name = try Fields.text(value, field: "principle")
        guard let principle = IPSPrinciple(rawValue: name) else {
            throw RulesFileError(line: value.line, .unknownPrinciple(name))
        }
        return principle
    }

    private static func guardReferences(_ value: JSONValue?, field: String) throws(RulesFileError) -> [GuardReference] {
        guard let value else { return [] }
        var references: [GuardReference] = []
        for item in try Fields.array(value, field: field) {
            if let name = item.string {
                references.append(.named(name, line: item.line))
            } else {
                references.append(.inline(try guardValue(item)))
            }
        }
        return references
    }

    /// `{"pattern": "…", "where": "before|after|at|inside|sentence|text|quote", "within": N}`; `within` defaults to 4.
    static func guardValue(_ value: JSONValue) throws(RulesFileError) -> Guard {
        let fields = try Fields(value, field: "guard")
        try fields.allow(["pattern", "where", "within"])
        let patternValue = try fields.required("pattern")
        let pattern = try Pattern(Fields.text(patternValue, field: "pattern"), line: patternValue.line)
        var within = 4
        if let withinValue = fields["within"] {
            guard let number = withinValue.integer, (0...40).contains(number) else {
                throw RulesFileError(line: withinValue.line, .wrongType(field: "within", expected: "a whole number from 0 to 40"))
            }
            within = number
        }
        let whereValue = try fields.required("where")
        let scope: Guard.Scope
        switch try Fields.text(whereValue, field: "where") {
        case "before": scope = .before(within: within)
        case "after": scope = .after(within: within)
        case "at": scope = .at
        case "inside": scope = .inside
        case "sentence": scope = .sentence
        case "text": scope = .text
        case "quote": scope = .quote
        case let other: throw RulesFileError(line: whereValue.line, .unknownGuardScope(other))
        }
        return Guard(pattern: pattern, scope: scope)
    }
}
