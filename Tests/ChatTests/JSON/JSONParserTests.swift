import Testing
@testable import Chat

private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try JSONValue(parsing: Array(text.utf8))
}

@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses every kind of value", arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .number(.integer(0))),
        ("-0", .number(.integer(0))),
        ("42", .number(.integer(42))),
        ("-17", .number(.integer(-17))),
        ("1.5", .number(.real(1.5))),
        ("-2.5e3", .number(.real(-2500))),
        ("1E-2", .number(.real(0.01))),
        ("\"hi\"", .string("hi")),
        ("[]", .array([])),
        ("[1,[2],{}]", .array([.number(.integer(1)), .array([.number(.integer(2))]), .object(JSONObject())])),
        (" \t\r\n{ \"a\" : [ true , null ] } \n", .object(JSONObject([JSONMember(key: "a", value: .array([.bool(true), .null]))]))),
    ])
    func parsesValues(text: String, expected: JSONValue) throws {
        #expect(try parse(text) == expected)
    }

    @Test("decodes every escape, including surrogate pairs", arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{c}\n\r\t"),
        (#""\u0041\u00e9\u4e2d""#, "Aé中"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\uD83D\uDE00x""#, "😀x"),
        (#""a\u0000b""#, "a\u{0}b"),
        (#""\u2028\u2029""#, "\u{2028}\u{2029}"),
        ("\"é中😀\"", "é中😀"),
    ])
    func decodesEscapes(text: String, expected: String) throws {
        #expect(try parse(text) == .string(expected))
    }

    @Test("turns lone surrogates into U+FFFD without eating the next escape", arguments: [
        (#""\ud800""#, "\u{FFFD}"),
        (#""\udc00x""#, "\u{FFFD}x"),
        (#""\ud800\u0041""#, "\u{FFFD}A"),
        (#""\ud800\ud83d\ude00""#, "\u{FFFD}😀"),
        (#""\ud800\n""#, "\u{FFFD}\n"),
    ])
    func loneSurrogates(text: String, expected: String) throws {
        #expect(try parse(text) == .string(expected))
    }

    @Test("rejects malformed JSON with the broken rule", arguments: [
        ("", JSONSyntaxError.unexpectedEnd),
        ("   ", .unexpectedEnd),
        ("{", .unexpectedEnd),
        ("[1,", .unexpectedEnd),
        ("\"abc", .unexpectedEnd),
        ("\"\\u12", .unexpectedEnd),
        ("{\"a\"}", .unexpectedByte(UInt8(ascii: "}"), offset: 4)),
        ("{\"a\":1,}", .unexpectedByte(UInt8(ascii: "}"), offset: 7)),
        ("[1,]", .unexpectedByte(UInt8(ascii: "]"), offset: 3)),
        ("[1 2]", .unexpectedByte(UInt8(ascii: "2"), offset: 3)),
        ("{a:1}", .unexpectedByte(UInt8(ascii: "a"), offset: 1)),
        ("'x'", .unexpectedByte(UInt8(ascii: "'"), offset: 0)),
        ("tru", .unexpectedEnd),
        ("nul!", .unexpectedByte(UInt8(ascii: "!"), offset: 3)),
        ("NaN", .unexpectedByte(UInt8(ascii: "N"), offset: 0)),
        ("01", .trailingBytes(offset: 1)),
        ("-", .unexpectedEnd),
        ("-a", .invalidNumber(offset: 0)),
        ("1.", .unexpectedEnd),
        ("1.e5", .invalidNumber(offset: 0)),
        (".5", .unexpectedByte(UInt8(ascii: "."), offset: 0)),
        ("1e", .unexpectedEnd),
        ("1e+x", .invalidNumber(offset: 0)),
        ("+1", .unexpectedByte(UInt8(ascii: "+"), offset: 0)),
        ("\"\\x\"", .invalidEscape(offset: 1)),
        ("\"\\u12g4\"", .invalidEscape(offset: 1)),
        ("\"a\tb\"", .controlCharacterInString(offset: 2)),
        ("\"a\nb\"", .controlCharacterInString(offset: 2)),
        ("{} {}", .trailingBytes(offset: 3)),
        ("[] x", .trailingBytes(offset: 3)),
    ])
    func rejectsMalformed(text: String, error: JSONSyntaxError) {
        #expect(throws: error) { try parse(text) }
    }

    @Test("rejects invalid UTF-8 inside strings", arguments: [
        ([0x22, 0xFF, 0x22], 1),                   // never valid
        ([0x22, 0xC0, 0xAF, 0x22], 1),             // overlong '/'
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1),       // overlong 3-byte
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),       // encoded surrogate
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1), // above U+10FFFF
        ([0x22, 0xC3, 0x22], 1),                   // truncated sequence
        ([0x22, 0xE2, 0x82], 1),                   // truncated at the end
        ([0x22, 0x5C, 0x6E, 0x80, 0x22], 3),       // stray continuation after an escape
    ] as [([UInt8], Int)])
    func rejectsInvalidUTF8(bytes: [UInt8], offset: Int) {
        #expect(throws: JSONSyntaxError.invalidUTF8(offset: offset)) { try JSONValue(parsing: bytes) }
    }

    @Test("limits nesting depth")
    func depthLimit() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try parse(ok) != .null)
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONSyntaxError.tooDeep(limit: 64)) { try parse(deep) }
        let objects = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        #expect(throws: JSONSyntaxError.tooDeep(limit: 64)) { try parse(objects) }
    }

    @Test("keeps integers exact and sends huge ones to Double", arguments: [
        ("9223372036854775807", JSONNumber.integer(.max)),
        ("-9223372036854775808", .integer(.min)),
        ("9223372036854775808", .real(9223372036854775808)),
        ("-9223372036854775809", .real(Double("-9223372036854775809")!)),
        ("123456789012345678901234567890", .real(Double("123456789012345678901234567890")!)),
        ("1e999", .real(.infinity)),
        ("9007199254740993", .integer(9007199254740993)),
    ])
    func hugeNumbers(text: String, expected: JSONNumber) throws {
        #expect(try parse(text) == .number(expected))
    }

    @Test("exactInt accepts whole numbers only")
    func exactInt() throws {
        #expect(try parse("7").intValue == 7)
        #expect(try parse("7.0").intValue == 7)
        #expect(try parse("7.5").intValue == nil)
        #expect(try parse("1e999").intValue == nil)
        #expect(try parse("\"7\"").intValue == nil)
    }

    @Test("duplicate keys: the last one wins, as in JavaScript")
    func duplicateKeys() throws {
        let object = try #require(try parse(#"{"type":"say","type":"leave","a":1}"#).objectValue)
        #expect(object["type"] == .string("leave"))
        #expect(object.members.count == 3)
        #expect(object["missing"] == nil)
    }

    @Test("parses from a non-contiguous sequence too")
    func nonContiguous() throws {
        let bytes = Array(#"{"k":"v"}"#.utf8)
        #expect(try JSONValue(parsing: bytes.lazy.map { $0 }) == .object(JSONObject([JSONMember(key: "k", value: .string("v"))])))
    }
}
