/// A parsed JSON value. Client messages are small, so a tree is cheap; the parser is hand-rolled
/// (no Foundation) so the hot `say` path costs one pass over the bytes.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, exact when it is a whole number that fits.
    case number(JSONNumber)
    /// A string, escapes decoded.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in document order.
    case object(JSONObject)

    /// Parses one complete JSON text (RFC 8259), rejecting anything else.
    public init(parsing bytes: some Sequence<UInt8>, depthLimit: Int = JSONParser.defaultDepthLimit) throws(JSONSyntaxError) {
        self = try JSONParser.parse(bytes, depthLimit: depthLimit)
    }

    /// The string, when this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, when this is a number with no fraction that fits in `Int`.
    public var intValue: Int? {
        if case .number(let number) = self { return number.exactInt }
        return nil
    }

    /// The Boolean, when this is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The object, when this is one.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }
}

/// A JSON number: integers stay exact (ids and sequence numbers must not round), anything else is a `Double`.
public enum JSONNumber: Sendable, Equatable {
    /// A literal with no fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number; integers too large for `Int64` land here (and may be infinite).
    case real(Double)

    /// The value as an `Int` when it is a whole number that fits exactly.
    public var exactInt: Int? {
        switch self {
        case .integer(let value): return Int(exactly: value)
        case .real(let value): return Int(exactly: value)
        }
    }
}

/// One key and value of an object, in document order.
public struct JSONMember: Sendable, Equatable {
    /// The decoded key.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// A member from its parts.
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object, members in document order.
///
/// Duplicate keys are kept in `members`; lookups return the **last** one, as JavaScript's `JSON.parse`
/// (what the web client uses) does, so both ends read the same message the same way.
public struct JSONObject: Sendable, Equatable {
    /// Every member in document order, duplicates included.
    public var members: [JSONMember]

    /// An object from its members.
    public init(_ members: [JSONMember] = []) {
        self.members = members
    }

    /// The value of the last member named `key`.
    public subscript(key: String) -> JSONValue? {
        var index = members.endIndex
        while index > members.startIndex {
            index -= 1
            if members[index].key == key { return members[index].value }
        }
        return nil
    }
}
