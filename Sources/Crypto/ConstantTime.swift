import COpenSSL

/// Comparison of secrets whose running time does not depend on where they differ.
public enum ConstantTime {
    /// True when `a` and `b` are equal. Lengths are not secret (they are fixed for tokens and hashes).
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBytes { lhs in
            b.withUnsafeBytes { rhs in CRYPTO_memcmp(lhs.baseAddress, rhs.baseAddress, a.count) == 0 }
        }
    }
}
