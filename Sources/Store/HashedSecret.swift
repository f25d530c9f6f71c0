import Crypto

/// A bearer secret (login token, transcript receipt) as it is stored: its SHA-256 hash, plus the first
/// 8 bytes of that hash as an indexed lookup key.
///
/// The database finds candidates by the lookup key; each candidate's full hash is then compared in
/// constant time, so neither the index nor the comparison tells an attacker how close a guess was.
struct HashedSecret {
    /// The SHA-256 of the secret's UTF-8 bytes.
    let hash: [UInt8]

    /// The secret's length is bounded before hashing, so a huge bogus value costs nothing.
    static let maximumLength = 256

    init?(_ secret: String) {
        let bytes = Array(secret.utf8)
        guard !bytes.isEmpty, bytes.count <= Self.maximumLength else { return nil }
        hash = Digest.sha256(bytes)
    }

    /// Makes a fresh random secret of `byteCount` bytes (URL-safe base64) and its hashed form.
    static func generate(byteCount: Int) -> (secret: String, hashed: HashedSecret) {
        let secret = SecureRandom.token(byteCount: byteCount)
        // Tokens are 43–64 ASCII characters, always within the bound.
        return (secret, HashedSecret(secret) ?? HashedSecret(unchecked: Digest.sha256(secret)))
    }

    private init(unchecked hash: [UInt8]) { self.hash = hash }

    /// The index key: the hash's first 8 bytes as a signed integer column.
    var lookup: Int64 {
        var value: UInt64 = 0
        for byte in hash.prefix(8) { value = value << 8 | UInt64(byte) }
        return Int64(bitPattern: value)
    }

    /// Constant-time check against a stored hash.
    func matches(_ stored: [UInt8]) -> Bool { ConstantTime.equals(hash, stored) }
}
