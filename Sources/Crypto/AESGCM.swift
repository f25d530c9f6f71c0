import COpenSSL

/// AES-256-GCM authenticated encryption, used to seal transcripts and wrap their keys at rest.
///
/// A sealed box is laid out as `nonce (12) ‖ ciphertext ‖ tag (16)`, so it can be stored as one blob.
public enum AESGCM {
    public static let keyLength = 32
    public static let nonceLength = 12
    public static let tagLength = 16

    /// A fresh random 256-bit key.
    public static func makeKey() -> [UInt8] { SecureRandom.bytes(keyLength) }

    /// Encrypts and authenticates `plaintext` (and `associatedData`, which is not encrypted) under `key`.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8] = []) throws(CryptoError) -> [UInt8] {
        guard key.count == keyLength else { throw CryptoError(operation: "AESGCM.seal", reason: "key must be 32 bytes") }
        let nonce = SecureRandom.bytes(nonceLength)
        guard let ctx = EVP_CIPHER_CTX_new() else { throw .drained("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        guard EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(ctx, withness_evp_ctrl_gcm_set_ivlen(), Int32(nonceLength), nil) == 1,
              EVP_EncryptInit_ex(ctx, nil, nil, key, nonce) == 1 else { throw .drained("EVP_EncryptInit_ex") }
        var length: Int32 = 0
        if !associatedData.isEmpty {
            guard EVP_EncryptUpdate(ctx, nil, &length, associatedData, Int32(associatedData.count)) == 1 else {
                throw .drained("EVP_EncryptUpdate(aad)")
            }
        }
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var total: Int32 = 0
        if !plaintext.isEmpty {
            guard EVP_EncryptUpdate(ctx, &ciphertext, &length, plaintext, Int32(plaintext.count)) == 1 else {
                throw .drained("EVP_EncryptUpdate")
            }
            total = length
        }
        let finished = ciphertext.withUnsafeMutableBufferPointer { buffer in
            EVP_EncryptFinal_ex(ctx, buffer.baseAddress! + Int(total), &length)
        }
        guard finished == 1 else { throw .drained("EVP_EncryptFinal_ex") }
        total += length
        var tag = [UInt8](repeating: 0, count: tagLength)
        guard EVP_CIPHER_CTX_ctrl(ctx, withness_evp_ctrl_gcm_get_tag(), Int32(tagLength), &tag) == 1 else {
            throw .drained("EVP_CIPHER_CTX_ctrl(GET_TAG)")
        }
        return nonce + ciphertext[0..<Int(total)] + tag
    }

    /// Checks and decrypts a box made by `seal`; throws when the key is wrong or the data was altered.
    public static func open(_ box: [UInt8], key: [UInt8], associatedData: [UInt8] = []) throws(CryptoError) -> [UInt8] {
        guard key.count == keyLength else { throw CryptoError(operation: "AESGCM.open", reason: "key must be 32 bytes") }
        guard box.count >= nonceLength + tagLength else { throw CryptoError(operation: "AESGCM.open", reason: "box too short") }
        let nonce = Array(box[0..<nonceLength])
        let ciphertext = Array(box[nonceLength..<(box.count - tagLength)])
        var tag = Array(box[(box.count - tagLength)...])
        guard let ctx = EVP_CIPHER_CTX_new() else { throw .drained("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        guard EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(ctx, withness_evp_ctrl_gcm_set_ivlen(), Int32(nonceLength), nil) == 1,
              EVP_DecryptInit_ex(ctx, nil, nil, key, nonce) == 1 else { throw .drained("EVP_DecryptInit_ex") }
        var length: Int32 = 0
        if !associatedData.isEmpty {
            guard EVP_DecryptUpdate(ctx, nil, &length, associatedData, Int32(associatedData.count)) == 1 else {
                throw .drained("EVP_DecryptUpdate(aad)")
            }
        }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var total: Int32 = 0
        if !ciphertext.isEmpty {
            guard EVP_DecryptUpdate(ctx, &plaintext, &length, ciphertext, Int32(ciphertext.count)) == 1 else {
                throw .drained("EVP_DecryptUpdate")
            }
            total = length
        }
        guard EVP_CIPHER_CTX_ctrl(ctx, withness_evp_ctrl_gcm_set_tag(), Int32(tagLength), &tag) == 1 else {
            throw .drained("EVP_CIPHER_CTX_ctrl(SET_TAG)")
        }
        let finished = plaintext.withUnsafeMutableBufferPointer { buffer in
            EVP_DecryptFinal_ex(ctx, buffer.baseAddress! + Int(total), &length)
        }
        guard finished == 1 else {
            _ = OpenSSLErrorQueue.drain()
            throw CryptoError(operation: "AESGCM.open", reason: "authentication failed")
        }
        total += length
        return Array(plaintext[0..<Int(total)])
    }
}
