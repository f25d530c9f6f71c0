import TestSupport
import Testing
@testable import Chat

@Suite("JSON round trips and robustness")
struct JSONRoundTripTests {
    static func randomString(_ rng: inout SeededGenerator) -> String {
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1f}", "\u{7f}", "é", "中",
                                      "😀", "\u{2028}", "\u{2029}", "\u{FFFD}", "\u{10FFFF}"]
        let count = Int.random(in: 0...12, using: &rng)
        return String(String.UnicodeScalarView((0..<count).map { _ in pool.randomElement(using: &rng) ?? "a" }))
    }

    static func randomValue(_ rng: inout SeededGenerator, depth: Int) -> JSONValue {
        let choice = Int.random(in: 0..<(depth > 4 ? 5 : 7), using: &rng)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .number(.integer(Int64.random(in: .min ... .max, using: &rng)))
        case 3: return .number(.real(Double.random(in: -1e300...1e300, using: &rng)))
        case 4: return .string(randomString(&rng))
        case 5: return .array((0..<Int.random(in: 0...4, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            return .object(JSONObject((0..<Int.random(in: 0...4, using: &rng)).map { _ in
                JSONMember(key: randomString(&rng), value: randomValue(&rng, depth: depth + 1))
            }))
        }
    }

    @Test("any value written by the writer parses back to the same value")
    func roundTrip() throws {
        var rng = SeededGenerator(seed: 2026)
        for _ in 0..<2000 {
            let value = Self.randomValue(&rng, depth: 0)
            var writer = JSONWriter()
            writer.value(value)
            #expect(try JSONValue(parsing: writer.bytes) == value)
        }
    }

    @Test("mutated messages never crash the parser, and whatever parses writes back the same")
    func mutations() throws {
        var rng = SeededGenerator(seed: 99)
        let seeds = [#"{"type":"say","room":"lobby","text":"h\u00e9 \ud83d\ude00","ref":"c1"}"#,
                     #"[1,-2.5e3,true,null,{"a":[{}]}]"#, #""\\\"\/\b\f\n\r\t""#]
        for _ in 0..<20_000 {
            var bytes = Array(seeds.randomElement(using: &rng)?.utf8 ?? "".utf8)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let position = Int.random(in: 0..<max(bytes.count, 1), using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &rng)
                case 1 where !bytes.isEmpty: bytes.remove(at: position)
                default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: min(position, bytes.count))
                }
            }
            guard let value = try? JSONValue(parsing: bytes) else { continue }
            var writer = JSONWriter()
            writer.value(value)
            #expect(try JSONValue(parsing: writer.bytes) == value)
        }
    }
}
