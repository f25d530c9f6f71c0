/// A strict RFC 8259 parser over bytes: one pass, no Foundation, typed errors with byte offsets.
///
/// Choices worth knowing: duplicate keys are all kept (``JSONObject`` lookups take the last);
/// nesting deeper than ``defaultDepthLimit`` is refused; integers outside `Int64` become `Double`;
/// an escaped lone surrogate (`"\ud800"`, which is valid JSON but not valid Unicode) decodes to U+FFFD,
/// the way browsers' `TextDecoder` treats it, rather than refusing the whole message.
public struct JSONParser {
    /// Deep enough for any protocol message, shallow enough that recursion cannot exhaust the stack.
    public static let defaultDepthLimit = 64

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    let depthLimit: Int

    /// Parses one complete JSON text.
    public static func parse(_ input: some Sequence<UInt8>, depthLimit: Int = defaultDepthLimit) throws(JSONSyntaxError) -> JSONValue {
        let fast: Result<JSONValue, JSONSyntaxError>? = input.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONSyntaxError) in try parseBuffer(buffer, depthLimit: depthLimit) }
        }
        if let fast { return try fast.get() }
        let copy = Array(input)
        return try copy.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try parseBuffer(buffer, depthLimit: depthLimit)
        }
    }

    static func parseBuffer(_ buffer: UnsafeBufferPointer<UInt8>, depthLimit: Int) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: buffer, depthLimit: depthLimit)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == buffer.count else { throw .trailingBytes(offset: parser.index) }
        return value
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func peek() throws(JSONSyntaxError) -> UInt8 {
        guard index < bytes.count else { throw .unexpectedEnd }
        return bytes[index]
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"): return .object(try parseObject(depth: depth + 1))
        case UInt8(ascii: "["): return .array(try parseArray(depth: depth + 1))
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case let byte: throw .unexpectedByte(byte, offset: index)
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard index < bytes.count else { throw .unexpectedEnd }
            guard bytes[index] == byte else { throw .unexpectedByte(bytes[index], offset: index) }
            index += 1
        }
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
        guard depth <= depthLimit else { throw .tooDeep(limit: depthLimit) }
        index += 1
        var members: [JSONMember] = []
        members.reserveCapacity(8)
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") { index += 1; return JSONObject(members) }
        while true {
            skipWhitespace()
            let byte = try peek()
            guard byte == UInt8(ascii: "\"") else { throw .unexpectedByte(byte, offset: index) }
            let key = try parseString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            members.append(JSONMember(key: key, value: try parseValue(depth: depth)))
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "}") { return JSONObject(members) }
            guard next == UInt8(ascii: ",") else { throw .unexpectedByte(next, offset: index - 1) }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
        guard depth <= depthLimit else { throw .tooDeep(limit: depthLimit) }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") { index += 1; return elements }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "]") { return elements }
            guard next == UInt8(ascii: ",") else { throw .unexpectedByte(next, offset: index - 1) }
        }
    }

    mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
        let found = try peek()
        guard found == byte else { throw .unexpectedByte(found, offset: index) }
        index += 1
    }
}
