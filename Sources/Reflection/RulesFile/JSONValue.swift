/// A JSON value that remembers the line it starts on, so a rules file can be refused with the line at fault.
///
/// The rules loader parses JSON itself (instead of `JSONDecoder`) because a deployment's file must be refused
/// with a line number for every problem, semantic ones included ("unknown family on line 42").
struct JSONValue: Sendable, Equatable {
    /// The shape of a value; objects keep their members in file order.
    enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONValue])
        case object([Member])
    }

    /// One `"key": value` pair of an object, with the line of its key.
    struct Member: Sendable, Equatable {
        /// The member's key.
        let key: String
        /// The line the key is on (1-based).
        let line: Int
        /// The member's value.
        let value: JSONValue
    }

    /// What this value is.
    let kind: Kind
    /// The line the value starts on (1-based).
    let line: Int

    /// The value as a string, if it is one.
    var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The value as an array, if it is one.
    var array: [JSONValue]? {
        if case .array(let items) = kind { return items }
        return nil
    }

    /// The members of an object, if it is one.
    var members: [Member]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The value as a whole number, if it is a number without a fraction.
    var integer: Int? {
        if case .number(let number) = kind, number == number.rounded(), abs(number) < 1e15 { return Int(number) }
        return nil
    }

    /// The value as a boolean, if it is one.
    var bool: Bool? {
        if case .bool(let flag) = kind { return flag }
        return nil
    }

    /// A short name of the value's type, for error messages.
    var typeName: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
