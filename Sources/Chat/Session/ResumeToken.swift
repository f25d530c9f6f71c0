/// A secret that lets a reconnecting client take back its peer id within the grace period.
///
/// 24 random bytes, written as 32 base64url characters. The first 8 characters are a *selector*
/// (48 bits, a dictionary key, not secret); the other 24 are the *verifier* (144 bits), compared in
/// constant time. Looking a token up by the whole string would leak, through hash-table timing,
/// how much of a guess was right; a split token leaks nothing about the verifier.
struct ResumeToken: Sendable, Equatable {
    static let length = 32
    static let selectorLength = 8

    /// The token as the client sees it.
    let wire: String
    /// The lookup key: the first ``selectorLength`` characters.
    let selector: String
    /// The secret part's bytes.
    let verifier: [UInt8]

    /// A fresh token from 24 bytes of `rng`.
    static func random(using rng: inout some RandomNumberGenerator) -> ResumeToken {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        for _ in 0..<3 {
            withUnsafeBytes(of: rng.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return ResumeToken(trusted: Base64URL.encode(bytes))
    }

    /// Splits a token a client sent; nil when it cannot be one of ours (wrong length or alphabet).
    init?(wire: String) {
        let utf8 = Array(wire.utf8)
        guard utf8.count == Self.length, utf8.allSatisfy(Base64URL.isAlphabet) else { return nil }
        self.init(trusted: wire)
    }

    private init(trusted wire: String) {
        self.wire = wire
        selector = String(wire.prefix(Self.selectorLength))
        verifier = Array(wire.utf8.dropFirst(Self.selectorLength))
    }

    /// True when `other`'s verifier matches, in time independent of where they differ.
    func verifies(_ other: ResumeToken) -> Bool {
        ConstantTime.equals(verifier, other.verifier)
    }
}

/// Comparison of secrets whose running time does not depend on their contents.
enum ConstantTime {
    /// True when both byte arrays are equal; lengths are public (tokens have a fixed length).
    static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

/// Base64url without padding (RFC 4648 §5), for tokens that travel in JSON and URLs unescaped.
enum Base64URL {
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func isAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): return true
        default: return false
        }
    }

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { group |= UInt32(byte) << (16 - 8 * offset) }
            for position in 0...chunk.count { out.append(alphabet[Int(group >> (18 - 6 * position) & 0x3F)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
