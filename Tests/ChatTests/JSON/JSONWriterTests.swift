import Testing
@testable import Chat

private func written(_ body: (inout JSONWriter) -> Void) -> String {
    var writer = JSONWriter()
    body(&writer)
    return String(decoding: writer.bytes, as: UTF8.self)
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("writes nested structures with commas in the right places")
    func structure() {
        let json = written { w in
            w.beginObject()
            w.key("a"); w.int(1)
            w.key("b"); w.beginArray(); w.string("x"); w.bool(true); w.null(); w.beginObject(); w.endObject(); w.endArray()
            w.key("c"); w.beginObject(); w.key("d"); w.int(-42); w.endObject()
            w.key("e"); w.raw(Array("[1,2]".utf8))
            w.endObject()
        }
        #expect(json == #"{"a":1,"b":["x",true,null,{}],"c":{"d":-42},"e":[1,2]}"#)
    }

    @Test("escapes quotes, backslashes, every control character and U+2028/2029", arguments: [
        ("plain", #""plain""#),
        ("q\"b\\s/", #""q\"b\\s/""#),
        ("\u{8}\u{c}\n\r\t", #""\b\f\n\r\t""#),
        ("\u{0}\u{1}\u{1f}", #""\u0000\u0001\u001f""#),
        ("\u{7f}é中😀", "\"\u{7f}é中😀\""),
        ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
        ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""),
    ])
    func escapes(input: String, expected: String) {
        #expect(written { $0.string(input) } == expected)
    }

    @Test("every string survives a round trip through the parser")
    func roundTrip() throws {
        var scalars = (0..<0x80).compactMap(Unicode.Scalar.init)
        scalars += [Unicode.Scalar(0x2028)!, Unicode.Scalar(0x2029)!, "é", "😀", Unicode.Scalar(0xFFFF)!]
        let text = String(String.UnicodeScalarView(scalars))
        var writer = JSONWriter()
        writer.string(text)
        #expect(try JSONValue(parsing: writer.bytes) == .string(text))
    }

    @Test("writes integers at the extremes", arguments: [0, 7, -7, 10, 1_000_000, Int.max, Int.min])
    func integers(value: Int) {
        #expect(written { $0.int(value) } == String(value))
    }

    @Test("formats wall-clock milliseconds as ISO 8601 UTC", arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_795_435_200_000, "2026-11-23T12:00:00.000Z"),
        (951_782_400_123, "2000-02-29T00:00:00.123Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ])
    func timestamps(milliseconds: Int64, expected: String) {
        #expect(written { $0.timestamp(milliseconds: milliseconds) } == "\"\(expected)\"")
    }
}
