import COpenSSL

/// Slow, salted password hashing with scrypt, for staff accounts.
///
/// Stored form: `scrypt$N$r$p$<salt b64url>$<hash b64url>`, so parameters can be raised later
/// without breaking existing accounts.
public struct PasswordHasher: Sendable {
    public var costLog2: Int
    public var blockSize: Int
    public var parallelism: Int

    /// Defaults: N = 2^15, r = 8, p = 1 (≈ 32 MiB, tens of milliseconds per check).
    public init(costLog2: Int = 15, blockSize: Int = 8, parallelism: Int = 1) {
        self.costLog2 = costLog2
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// Hashes `password` with a fresh random salt.
    public func hash(_ password: String) throws(CryptoError) -> String {
        let salt = SecureRandom.bytes(16)
        let derived = try Self.scrypt(password, salt: salt, n: 1 << costLog2, r: blockSize, p: parallelism)
        return "scrypt$\(1 << costLog2)$\(blockSize)$\(parallelism)$\(Base64.encodeURLSafe(salt))$\(Base64.encodeURLSafe(derived))"
    }

    /// Checks `password` against a stored hash in constant time; false for malformed hashes.
    public func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt",
              let n = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
              n > 1, n <= 1 << 20, r > 0, r <= 32, p > 0, p <= 16,
              let salt = Base64.decodeURLSafe(String(parts[4])),
              let expected = Base64.decodeURLSafe(String(parts[5])), !expected.isEmpty,
              let derived = try? Self.scrypt(password, salt: salt, n: n, r: r, p: p, length: expected.count)
        else { return false }
        return ConstantTime.equals(derived, expected)
    }

    static func scrypt(_ password: String, salt: [UInt8], n: Int, r: Int, p: Int, length: Int = 32) throws(CryptoError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        let maxMemory = UInt64(128 * r * n * p) + 64 * 1024 * 1024
        // utf8CString always has a trailing NUL, so the base address exists even for "".
        let ok = password.utf8CString.withUnsafeBufferPointer { pw in
            EVP_PBE_scrypt(pw.baseAddress, pw.count - 1, salt, salt.count,
                           UInt64(n), UInt64(r), UInt64(p), maxMemory, &out, length)
        }
        guard ok == 1 else { throw .drained("EVP_PBE_scrypt") }
        return out
    }
}
