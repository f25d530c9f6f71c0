/// A small JSON reader that keeps the line of every value, for rules files refused "with the line and reason".
///
/// It reads the whole document at once (rules files are read once at start-up, never on a hot path) and
/// refuses nesting deeper than `maximumDepth`, so a hostile file cannot exhaust the stack.
struct JSONReader {
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON document; only whitespace may follow it.
    static func parse(_ bytes: [UInt8]) throws(RulesFileError) -> JSONValue {
        var reader = JSONReader(bytes)
        // A UTF-8 byte order mark is tolerated: some editors write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.fail("end of file") }
        return value
    }

    private func fail(_ expected: String) -> RulesFileError {
        RulesFileError(line: line, .invalidJSON(expected: expected))
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A: line += 1
            case 0x20, 0x09, 0x0D: break
            default: return
            }
            index += 1
        }
    }

    private mutating func value(depth: Int) throws(RulesFileError) -> JSONValue {
        skipWhitespace()
        guard depth < Self.maximumDepth else { throw fail("less nesting (at most \(Self.maximumDepth) levels)") }
        guard index < bytes.count else { throw fail("a value") }
        let start = line
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONValue(kind: .object(try object(depth: depth)), line: start)
        case UInt8(ascii: "["): return JSONValue(kind: .array(try array(depth: depth)), line: start)
        case UInt8(ascii: "\""): return JSONValue(kind: .string(try string()), line: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONValue(kind: .bool(true), line: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONValue(kind: .bool(false), line: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONValue(kind: .null, line: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(kind: .number(try number()), line: start)
        default: throw fail("a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(RulesFileError) {
        let expected = word.withUTF8Buffer { Array($0) }
        guard bytes[index...].starts(with: expected) else { throw fail("\"\(word)\"") }
        index += expected.count
    }

    private mutating func object(depth: Int) throws(RulesFileError) -> [JSONValue.Member] {
        index += 1
        var members: [JSONValue.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return members }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("a quoted key") }
            let keyLine = line
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("':' after a key") }
            index += 1
            members.append(JSONValue.Member(key: key, line: keyLine, value: try value(depth: depth + 1)))
            skipWhitespace()
            guard index < bytes.count else { throw fail("',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return members }
            throw fail("',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws(RulesFileError) -> [JSONValue] {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return items }
        while true {
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw fail("',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return items }
            throw fail("',' or ']'")
        }
    }

    private mutating func number() throws(RulesFileError) -> Double {
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        guard let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
            throw fail("a number")
        }
        return number
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
            UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }

    private mutating func string() throws(RulesFileError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ upTo: Int) { scalars.append(contentsOf: String(decoding: bytes[run..<upTo], as: UTF8.self).unicodeScalars) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush(index)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw fail("no raw control characters or line breaks inside a string") }
            if byte == UInt8(ascii: "\\") {
                flush(index)
                index += 1
                scalars.append(try escape())
                run = index
                continue
            }
            index += 1
        }
        throw fail("a closing '\"'")
    }

    private mutating func escape() throws(RulesFileError) -> Unicode.Scalar {
        guard index < bytes.count else { throw fail("an escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high) {
                guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                    throw fail("a low surrogate after \\u\(high)")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else { throw fail("a low surrogate") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw fail("a valid \\u escape") }
            return scalar
        default: throw fail("a valid escape")
        }
    }

    private mutating func hex4() throws(RulesFileError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("four hex digits") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("four hex digits")
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }
}
