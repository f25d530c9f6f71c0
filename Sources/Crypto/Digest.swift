import COpenSSL

/// One-shot message digests through OpenSSL's EVP interface.
public enum Digest {
    /// SHA-1, needed only for RFC 6455's `Sec-WebSocket-Accept` (not for anything secret).
    public static func sha1(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBytes { digest($0, EVP_sha1(), length: 20) }
    }

    /// SHA-256, for hashing tokens and receipts at rest and for the audit chain.
    public static func sha256(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBytes { digest($0, EVP_sha256(), length: 32) }
    }

    /// SHA-256 of a string's UTF-8 bytes.
    public static func sha256(_ text: String) -> [UInt8] { sha256(Array(text.utf8)) }

    /// HMAC-SHA256 of `data` under `key`.
    public static func hmacSHA256(key: [UInt8], data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 32
        key.withUnsafeBufferPointer { keyBuffer in
            data.withUnsafeBufferPointer { dataBuffer in
                _ = HMAC(EVP_sha256(), keyBuffer.baseAddress, Int32(key.count),
                         dataBuffer.baseAddress, dataBuffer.count, &out, &length)
            }
        }
        return out
    }

    private static func digest(_ buffer: UnsafeRawBufferPointer, _ md: OpaquePointer?, length: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        var outLength: UInt32 = 0
        _ = EVP_Digest(buffer.baseAddress, buffer.count, &out, &outLength, md, nil)
        return out
    }
}
