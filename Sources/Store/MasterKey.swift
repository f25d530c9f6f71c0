import Crypto
import Glibc

/// The 32-byte key that wraps every transcript's own key and seals reports.
///
/// Without it the stored transcripts are unreadable, so keep the file somewhere the database backups
/// do not go (`--master-key-file`). Subkeys are derived per use with HMAC-SHA256, so one key never
/// encrypts two kinds of data.
public struct MasterKey: Sendable {
    /// The raw key length: 256 bits.
    public static let length = 32

    let bytes: [UInt8]

    /// Wraps raw key bytes (tests, or keys provisioned by other means); nil unless exactly 32 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.length else { return nil }
        self.bytes = bytes
    }

    /// A fresh random key (tests; `loadOrCreate` for real use).
    public static func random() -> MasterKey { MasterKey(checked: SecureRandom.bytes(length)) }

    private init(checked bytes: [UInt8]) { self.bytes = bytes }

    /// Reads the key file, or creates it with 32 random bytes and mode 0600 when it does not exist.
    ///
    /// The file holds the raw bytes. A file of any other length is refused rather than padded or cut,
    /// since a wrong key would make every transcript unreadable.
    public static func loadOrCreate(path: String) throws(StoreError) -> MasterKey {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            var buffer = [UInt8](repeating: 0, count: length + 1)
            let count = read(fd, &buffer, buffer.count)
            guard count >= 0 else { throw StoreError.system("read(master key file)", errno: errno) }
            guard count == length else {
                throw StoreError(domain: .data, code: 0, message: "master key file must hold exactly 32 bytes")
            }
            return MasterKey(checked: Array(buffer[0..<length]))
        }
        guard errno == ENOENT else { throw StoreError.system("open(master key file)", errno: errno) }
        return try create(path: path)
    }

    private static func create(path: String) throws(StoreError) -> MasterKey {
        let key = MasterKey(checked: SecureRandom.bytes(length))
        // O_EXCL: if two processes race, one creates and the other fails instead of overwriting.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.system("create(master key file)", errno: errno) }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0 else { throw StoreError.system("fchmod(master key file)", errno: errno) }
        let written = key.bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == length else { throw StoreError.system("write(master key file)", errno: errno) }
        guard fsync(fd) == 0 else { throw StoreError.system("fsync(master key file)", errno: errno) }
        return key
    }

    /// A key for one purpose, derived so that the same bytes never serve two uses.
    func subkey(_ purpose: String) -> [UInt8] {
        Digest.hmacSHA256(key: bytes, data: Array("withness.v1.\(purpose)".utf8))
    }
}
