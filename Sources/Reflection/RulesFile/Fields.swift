/// Reads the members of one JSON object, remembering which keys were used so unknown ones (typos) can be
/// refused with their line.
struct Fields {
    let members: [JSONValue.Member]
    let line: Int

    /// The object's members; a non-object is refused as `field` of the wrong type.
    init(_ value: JSONValue, field: String) throws(RulesFileError) {
        guard let members = value.members else {
            throw RulesFileError(line: value.line, .wrongType(field: field, expected: "an object"))
        }
        var seen: [String: Int] = [:]
        for member in members {
            if let first = seen[member.key] {
                throw RulesFileError(line: member.line, .duplicateName(member.key, firstLine: first))
            }
            seen[member.key] = member.line
        }
        self.members = members
        self.line = value.line
    }

    /// Refuses any key outside `known`.
    func allow(_ known: Set<String>) throws(RulesFileError) {
        for member in members where !known.contains(member.key) {
            throw RulesFileError(line: member.line, .unknownField(member.key))
        }
    }

    subscript(_ key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    func required(_ key: String) throws(RulesFileError) -> JSONValue {
        guard let value = self[key] else { throw RulesFileError(line: line, .missingField(key)) }
        return value
    }

    /// A required, non-empty string.
    func text(_ key: String) throws(RulesFileError) -> String {
        try Fields.text(required(key), field: key)
    }

    static func text(_ value: JSONValue, field: String) throws(RulesFileError) -> String {
        guard let text = value.string else {
            throw RulesFileError(line: value.line, .wrongType(field: field, expected: "a string"))
        }
        guard text.contains(where: { !$0.isWhitespace }) else { throw RulesFileError(line: value.line, .emptyText(field: field)) }
        return text
    }

    static func array(_ value: JSONValue, field: String) throws(RulesFileError) -> [JSONValue] {
        guard let items = value.array else {
            throw RulesFileError(line: value.line, .wrongType(field: field, expected: "an array"))
        }
        return items
    }

    /// An optional array of strings (missing is empty).
    func strings(_ key: String) throws(RulesFileError) -> [(String, Int)] {
        guard let value = self[key] else { return [] }
        var result: [(String, Int)] = []
        for item in try Fields.array(value, field: key) {
            result.append((try Fields.text(item, field: key), item.line))
        }
        return result
    }
}
