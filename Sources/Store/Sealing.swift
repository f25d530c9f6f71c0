import Crypto

/// Encryption at rest. Each transcript gets its own random AES-256-GCM key; that key is stored only
/// wrapped (AES-GCM) under a subkey of the master key. Deleting a transcript's row destroys its key, so
/// the ciphertext is useless even in an old backup once the row is gone. Reports are sealed directly under
/// their own subkey. Associated data binds each box to its row id, so boxes cannot be swapped between rows.
enum Sealing {
    static func sealTranscript(_ plaintext: [UInt8], id: String, masterKey: MasterKey)
        throws(StoreError) -> (wrappedKey: [UInt8], sealed: [UInt8]) {
        let key = AESGCM.makeKey()
        do {
            let sealed = try AESGCM.seal(plaintext, key: key, associatedData: Array("transcript:\(id)".utf8))
            let wrapped = try AESGCM.seal(key, key: masterKey.subkey("transcript-key-wrap"),
                                          associatedData: Array("transcript-key:\(id)".utf8))
            return (wrapped, sealed)
        } catch {
            throw StoreError.crypto("sealing a transcript failed: \(error.operation)")
        }
    }

    static func openTranscript(_ sealed: [UInt8], wrappedKey: [UInt8], id: String, masterKey: MasterKey)
        throws(StoreError) -> [UInt8] {
        do {
            let key = try AESGCM.open(wrappedKey, key: masterKey.subkey("transcript-key-wrap"),
                                      associatedData: Array("transcript-key:\(id)".utf8))
            return try AESGCM.open(sealed, key: key, associatedData: Array("transcript:\(id)".utf8))
        } catch {
            throw StoreError.crypto("opening a transcript failed (wrong master key or altered data)")
        }
    }

    static func sealReport(_ plaintext: [UInt8], id: String, masterKey: MasterKey) throws(StoreError) -> [UInt8] {
        do {
            return try AESGCM.seal(plaintext, key: masterKey.subkey("report"), associatedData: Array("report:\(id)".utf8))
        } catch {
            throw StoreError.crypto("sealing a report failed: \(error.operation)")
        }
    }

    static func openReport(_ sealed: [UInt8], id: String, masterKey: MasterKey) throws(StoreError) -> [UInt8] {
        do {
            return try AESGCM.open(sealed, key: masterKey.subkey("report"), associatedData: Array("report:\(id)".utf8))
        } catch {
            throw StoreError.crypto("opening a report failed (wrong master key or altered data)")
        }
    }

    /// A fresh opaque id such as `t_…` or `rep_…`: 96 random bits, URL-safe.
    static func makeID(prefix: String) -> String { prefix + SecureRandom.token(byteCount: 12) }
}
