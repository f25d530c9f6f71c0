/// Turns a parsed rules file into `RulesFile` values, refusing anything malformed with its line.
enum RuleBookDecoder {
    static func file(_ root: JSONValue) throws(RulesFileError) -> RulesFile {
        let fields = try Fields(root, field: "the file")
        try fields.allow(["version", "mode", "families", "classes", "aliases", "guards", "rules", "disable",
                          "prompts", "support", "comment"])
        var file = RulesFile()
        let version = try fields.required("version")
        guard let number = version.integer else {
            throw RulesFileError(line: version.line, .wrongType(field: "version", expected: "a whole number"))
        }
        guard number == 1 else { throw RulesFileError(line: version.line, .unsupportedVersion(number)) }
        if let mode = fields["mode"] {
            let name = try Fields.text(mode, field: "mode")
            guard let parsed = RulesFile.Mode(rawValue: name) else { throw RulesFileError(line: mode.line, .unknownMode(name)) }
            file.mode = parsed
        }
        file.families = try unique(fields.strings("families")).map { (name: $0.0, line: $0.1) }
        if let classes = fields["classes"] { file.classes = try self.classes(classes) }
        if let aliases = fields["aliases"] { file.aliases = try self.aliases(aliases) }
        if let guards = fields["guards"] { file.guards = try self.guardLists(guards) }
        if let rules = fields["rules"] {
            var seen: [String: Int] = [:]
            for item in try Fields.array(rules, field: "rules") {
                let rule = try RuleDecoder.rule(item)
                if let first = seen[rule.id] { throw RulesFileError(line: rule.line, .duplicateName(rule.id, firstLine: first)) }
                seen[rule.id] = rule.line
                file.rules.append(rule)
            }
        }
        file.disable = try unique(fields.strings("disable")).map { (id: $0.0, line: $0.1) }
        if let prompts = fields["prompts"] { file.prompts = try self.prompts(prompts) }
        if let support = fields["support"] { file.support = try self.support(support) }
        return file
    }

    private static func unique(_ items: [(String, Int)]) throws(RulesFileError) -> [(String, Int)] {
        var seen: [String: Int] = [:]
        for (name, line) in items {
            if let first = seen[name] { throw RulesFileError(line: line, .duplicateName(name, firstLine: first)) }
            seen[name] = line
        }
        return items
    }

    private static func classes(_ value: JSONValue) throws(RulesFileError) -> [RulesFile.ClassEntry] {
        var entries: [RulesFile.ClassEntry] = []
        for member in try Fields(value, field: "classes").members {
            var phraseValues: JSONValue = member.value
            var adds = false
            if member.value.members != nil {
                let fields = try Fields(member.value, field: member.key)
                try fields.allow(["add"])
                phraseValues = try fields.required("add")
                adds = true
            }
            var phrases: [Pattern] = []
            for item in try Fields.array(phraseValues, field: member.key) {
                let phrase = try Pattern(Fields.text(item, field: member.key), line: item.line)
                try RuleBookValidator.checkPhrase(phrase)
                phrases.append(phrase)
            }
            guard !phrases.isEmpty else { throw RulesFileError(line: member.line, .emptyText(field: member.key)) }
            entries.append(.init(wordClass: WordClass(name: member.key, phrases: phrases, line: member.line), adds: adds))
        }
        return entries
    }

    private static func aliases(_ value: JSONValue) throws(RulesFileError) -> [Alias] {
        var aliases: [Alias] = []
        for member in try Fields(value, field: "aliases").members {
            let surface = member.key.lowercased()
            guard !surface.isEmpty, surface.unicodeScalars.allSatisfy({ CharacterClass.isWord($0.value) }) else {
                throw RulesFileError(line: member.line, .invalidPattern(member.key, reason: "an alias is one word of letters or digits"))
            }
            aliases.append(Alias(surface: surface, meaning: try Fields.text(member.value, field: member.key), line: member.line))
        }
        return aliases
    }

    private static func guardLists(_ value: JSONValue) throws(RulesFileError) -> [RulesFile.NamedGuards] {
        var lists: [RulesFile.NamedGuards] = []
        for member in try Fields(value, field: "guards").members {
            var guards: [Guard] = []
            for item in try Fields.array(member.value, field: member.key) { guards.append(try RuleDecoder.guardValue(item)) }
            lists.append(.init(name: member.key, guards: guards, line: member.line))
        }
        return lists
    }

    private static func prompts(_ value: JSONValue) throws(RulesFileError) -> [PromptBook.Kind: PromptBook.Variants] {
        var variants: [PromptBook.Kind: PromptBook.Variants] = [:]
        for member in try Fields(value, field: "prompts").members {
            guard let kind = PromptBook.Kind(rawValue: member.key) else {
                throw RulesFileError(line: member.line, .unknownPromptKind(member.key))
            }
            let fields = try Fields(member.value, field: member.key)
            try fields.allow(["task", "texts"])
            let task = try RuleDecoder.task(fields.required("task"))
            let texts = try fields.strings("texts").map(\.0)
            guard !texts.isEmpty else { throw RulesFileError(line: member.line, .emptyText(field: "texts")) }
            variants[kind] = .init(task: task, texts: texts, line: member.line)
        }
        return variants
    }

    static func support(_ value: JSONValue) throws(RulesFileError) -> SupportResources {
        let fields = try Fields(value, field: "support")
        try fields.allow(["text", "resources"])
        var resources: [SupportResources.Resource] = []
        for item in try Fields.array(fields.required("resources"), field: "resources") {
            let resource = try Fields(item, field: "resources")
            try resource.allow(["name", "contact", "url"])
            let url = try resource["url"].map { (value: JSONValue) throws(RulesFileError) in try Fields.text(value, field: "url") }
            resources.append(.init(name: try resource.text("name"), contact: try resource.text("contact"), url: url ?? ""))
        }
        return SupportResources(text: try fields.text("text"), resources: resources)
    }
}
