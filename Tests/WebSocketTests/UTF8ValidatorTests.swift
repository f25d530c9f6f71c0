import Testing
import TestSupport
import WebSocket

@Suite("UTF8Validator")
struct UTF8ValidatorTests {
    static let valid: [[UInt8]] = [
        [], Array("plain ascii that is longer than eight bytes".utf8),
        [0xC2, 0x80], [0xDF, 0xBF],                    // U+0080, U+07FF
        [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],        // U+0800, U+D7FF (just below the surrogates)
        [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],        // U+E000, U+FFFF
        [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],  // U+10000, U+10FFFF
        Array("κόσμε 🌱 Ünïcödé".utf8),
    ]

    static let invalid: [(String, [UInt8])] = [
        ("stray continuation", [0x80]),
        ("overlong 2-byte NUL", [0xC0, 0x80]),
        ("overlong 2-byte via C1", [0xC1, 0xBF]),
        ("overlong 3-byte", [0xE0, 0x9F, 0xBF]),
        ("overlong 4-byte", [0xF0, 0x8F, 0xBF, 0xBF]),
        ("high surrogate U+D800", [0xED, 0xA0, 0x80]),
        ("low surrogate U+DFFF", [0xED, 0xBF, 0xBF]),
        ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("F5 lead byte", [0xF5, 0x80, 0x80, 0x80]),
        ("FF byte", [0xFF]),
        ("missing continuation", [0xE2, 0x28, 0xA1]),
        ("truncated at the end", [0x61, 0xE2, 0x82]),
        ("truncated 4-byte", [0xF0, 0x9F, 0x98]),
        ("invalid after an ASCII run", Array("12345678abcdefgh".utf8) + [0xC0]),
    ]

    @Test("accepts valid UTF-8, including the boundary code points", arguments: valid)
    func acceptsValid(bytes: [UInt8]) {
        #expect(UTF8Validator.isValid(bytes))
        #expect(String(validating: bytes, as: UTF8.self) != nil)
    }

    @Test("rejects overlong, surrogate, out-of-range and truncated sequences", arguments: invalid)
    func rejectsInvalid(name: String, bytes: [UInt8]) {
        #expect(!UTF8Validator.isValid(bytes), "\(name)")
        #expect(String(validating: bytes, as: UTF8.self) == nil, "\(name): the standard library agrees")
    }

    @Test("gives the same verdict when fed one byte at a time")
    func byteByByte() {
        for bytes in Self.valid + Self.invalid.map(\.1) {
            var validator = UTF8Validator()
            let accepted = bytes.allSatisfy { byte in [byte].withUnsafeBytes { validator.validate($0) } }
            #expect((accepted && validator.isComplete) == UTF8Validator.isValid(bytes))
        }
    }

    @Test("fails at the first bad byte rather than at the end")
    func failsFast() {
        var validator = UTF8Validator()
        #expect(([0x61, 0xE2] as [UInt8]).withUnsafeBytes { validator.validate($0) })
        #expect(!validator.isComplete)
        #expect(!([0x28] as [UInt8]).withUnsafeBytes { validator.validate($0) })
    }

    @Test("agrees with the standard library on seeded random byte strings")
    func agreesWithStandardLibrary() {
        var generator = SeededGenerator(seed: 3629)
        for _ in 0..<5000 {
            let count = Int.random(in: 0...12, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x80...0xBF, using: &generator)
                                               : UInt8.random(in: 0...255, using: &generator)
            }
            #expect(UTF8Validator.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}
