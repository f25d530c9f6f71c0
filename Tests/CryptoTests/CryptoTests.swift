import Crypto
import Testing

@Suite("Crypto over OpenSSL")
struct CryptoTests {
    @Test("SHA-1 and base64 give RFC 6455's sample accept value")
    func websocketAcceptSample() {
        let accept = Base64.encode(Digest.sha1(Array("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11".utf8)))
        #expect(accept == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test("SHA-256 of 'abc' matches FIPS 180-2")
    func sha256Vector() {
        #expect(Hex.encode(Digest.sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("HMAC-SHA256 matches RFC 4231 case 2")
    func hmacVector() {
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8))
        #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("base64 round trips every length and rejects malformed input", arguments: 0..<40)
    func base64RoundTrip(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        #expect(Base64.decodeURLSafe(Base64.encodeURLSafe(bytes)) == bytes)
    }

    @Test("base64 refuses bad characters, bad padding and non-canonical tails",
          arguments: ["abc", "ab=c", "a===", "****", "dGhlIHNhbXBsZSBub25jZR==", "ZZ=="])
    func base64Rejects(text: String) {
        #expect(Base64.decode(text) == nil)
    }

    @Test("constant-time compare tells equal from different")
    func constantTime() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
    }

    @Test("AES-GCM opens what it sealed and refuses a wrong key or altered box")
    func aesGCM() throws {
        let key = AESGCM.makeKey()
        let plaintext = Array("what happened matters".utf8)
        let box = try AESGCM.seal(plaintext, key: key, associatedData: [9])
        #expect(box.count == plaintext.count + 28)
        #expect(try AESGCM.open(box, key: key, associatedData: [9]) == plaintext)
        #expect(throws: CryptoError.self) { try AESGCM.open(box, key: AESGCM.makeKey(), associatedData: [9]) }
        var altered = box
        altered[14] ^= 1
        #expect(throws: CryptoError.self) { try AESGCM.open(altered, key: key, associatedData: [9]) }
        #expect(throws: CryptoError.self) { try AESGCM.open(box, key: key, associatedData: [8]) }
        #expect(try AESGCM.open(try AESGCM.seal([], key: key), key: key) == [])
    }

    @Test("scrypt hashes are salted and verify only the right password")
    func passwordHashing() throws {
        let hasher = PasswordHasher(costLog2: 10)
        let first = try hasher.hash("correct horse")
        let second = try hasher.hash("correct horse")
        #expect(first != second)
        #expect(!first.contains("correct"))
        #expect(hasher.verify("correct horse", against: first))
        #expect(!hasher.verify("correct hors", against: first))
        #expect(!hasher.verify("", against: first))
        #expect(!hasher.verify("x", against: "scrypt$garbage"))
        #expect(hasher.verify("", against: try hasher.hash("")))
    }

    @Test("random tokens differ and have the asked length")
    func randomness() {
        #expect(SecureRandom.bytes(16).count == 16)
        #expect(SecureRandom.token() != SecureRandom.token())
        var generator = SecureRandomGenerator()
        #expect(generator.next() != generator.next())
    }
}
