import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG.
///
/// Pure modules never call this directly: they take `inout some RandomNumberGenerator`,
/// and the edges pass a `SecureRandomGenerator`.
public enum SecureRandom {
    /// Returns `count` random bytes. OpenSSL's DRBG does not fail once seeded; if it ever does we
    /// refuse to continue with weak randomness rather than hand out a predictable token.
    public static func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        if count == 0 { return out }
        let ok = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        precondition(ok == 1, "RAND_bytes failed: no secure randomness available")
        return out
    }

    /// A random token of `byteCount` bytes, as URL-safe base64 without padding.
    public static func token(byteCount: Int = 32) -> String {
        Base64.encodeURLSafe(bytes(byteCount))
    }
}

/// A `RandomNumberGenerator` backed by OpenSSL, for passing into pure code that needs unguessable values.
public struct SecureRandomGenerator: RandomNumberGenerator, Sendable {
    public init() {}

    public mutating func next() -> UInt64 {
        var value: UInt64 = 0
        let ok = withUnsafeMutableBytes(of: &value) { RAND_bytes($0.baseAddress!.assumingMemoryBound(to: UInt8.self), 8) }
        precondition(ok == 1, "RAND_bytes failed: no secure randomness available")
        return value
    }
}
