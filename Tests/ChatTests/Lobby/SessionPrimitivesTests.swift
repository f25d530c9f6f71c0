import TestSupport
import Testing
@testable import Chat

@Suite("Tokens, ids and the rate bucket")
struct SessionPrimitivesTests {
    @Test("resume tokens are 32 base64url characters from 192 random bits, and differ")
    func tokens() throws {
        var rng = SeededGenerator(seed: 5)
        let tokens = (0..<1000).map { _ in ResumeToken.random(using: &rng) }
        #expect(Set(tokens.map(\.wire)).count == 1000)
        for token in tokens {
            #expect(token.wire.utf8.count == 32)
            #expect(token.wire.utf8.allSatisfy(Base64URL.isAlphabet))
            #expect(token.verifier.count == 24)
            let parsed = try #require(ResumeToken(wire: token.wire))
            #expect(parsed.selector == token.selector)
            #expect(parsed.verifies(token))
        }
        #expect(ResumeToken(wire: String(tokens[0].wire.dropLast())) == nil)
        #expect(ResumeToken(wire: String(tokens[0].wire.dropLast()) + "=") == nil)
        let other = try #require(ResumeToken(wire: tokens[0].selector + String(tokens[1].wire.dropFirst(8))))
        #expect(!other.verifies(tokens[0]))
    }

    @Test("base64url encodes RFC 4648 vectors without padding", arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ])
    func base64(input: String, expected: String) {
        #expect(Base64URL.encode(Array(input.utf8)) == expected)
    }

    @Test("constant-time equality agrees with ordinary equality")
    func constantTime() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([0, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2], [1, 2, 3]))
        #expect(ConstantTime.equals([], []))
    }

    @Test("ids carry their prefix and 12 base32 characters")
    func identifiers() {
        var rng = SeededGenerator(seed: 8)
        let ids = (0..<500).map { _ in IdentifierFactory.make(prefix: "p_", using: &rng) }
        #expect(Set(ids).count == 500)
        #expect(ids.allSatisfy { $0.hasPrefix("p_") && $0.utf8.count == 14 })
        #expect(ids.allSatisfy { RoomID($0).isWellFormed })
    }

    @Test("the bucket gives a burst, then refills at the rate, never above the burst")
    func bucket() {
        var bucket = TokenBucket(burst: 3, now: 0)
        var burst: [Bool] = []
        for _ in 0..<4 { burst.append(bucket.take(now: 0, perSecond: 2, burst: 3)) }
        #expect(burst == [true, true, true, false])
        let early = bucket.take(now: 499, perSecond: 2, burst: 3)
        let onTime = bucket.take(now: 500, perSecond: 2, burst: 3)
        let again = bucket.take(now: 500, perSecond: 2, burst: 3)
        #expect([early, onTime, again] == [false, true, false])
        var refilled: [Bool] = []
        for _ in 0..<4 { refilled.append(bucket.take(now: 1_000_000, perSecond: 2, burst: 3)) }
        #expect(refilled == [true, true, true, false])
        let unlimited = bucket.take(now: 0, perSecond: 0, burst: 3)
        #expect(unlimited)
        var huge = TokenBucket(burst: 1, now: 0)
        _ = huge.take(now: 0, perSecond: .max, burst: 1)
        let overflowed = huge.take(now: .max, perSecond: .max, burst: 1)
        #expect(overflowed)
    }
}
