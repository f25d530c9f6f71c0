import CSQLite
import Glibc

/// A failed storage operation: which layer failed, its numeric code, and a message that never holds
/// bound values, message text or secrets (unlike GRDB's `arguments`), so it is safe to log.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where a failure came from, so callers can tell a full disk from a wrong master key.
    public enum Domain: String, Sendable, Equatable {
        /// SQLite returned an error; `code` is its extended result code.
        case sqlite
        /// A file-system call failed; `code` is `errno`.
        case system
        /// Sealing or opening failed (wrong master key, altered data); `code` is 0.
        case crypto
        /// Stored data did not have the expected shape (a newer schema, a truncated blob); `code` is 0.
        case data
    }

    /// The layer that failed.
    public let domain: Domain
    /// SQLite's extended result code, `errno`, or 0.
    public let code: Int32
    /// What failed, e.g. `"prepare: no such table: staff"` or `"open(master key file): Permission denied"`.
    public let message: String

    /// Builds an error; prefer the static helpers.
    public init(domain: Domain = .sqlite, code: Int32, message: String) {
        self.domain = domain
        self.code = code
        self.message = message
    }

    public var description: String { "store \(domain.rawValue) error \(code): \(message)" }

    /// An error from the connection's last SQLite call. `sqlite3_errmsg` names tables and columns, never values.
    static func sqlite(_ connection: OpaquePointer?, _ code: Int32, _ operation: String) -> StoreError {
        let detail = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        return StoreError(domain: .sqlite, code: code, message: "\(operation): \(detail)")
    }

    /// A failed system call with its `errno`.
    static func system(_ operation: String, errno code: Int32) -> StoreError {
        StoreError(domain: .system, code: code, message: "\(operation): \(String(cString: strerror(code)))")
    }

    /// A cryptographic failure; the reason comes from OpenSSL and names no data.
    static func crypto(_ operation: String) -> StoreError {
        StoreError(domain: .crypto, code: 0, message: operation)
    }

    /// Stored bytes that do not decode.
    static func corrupt(_ what: String) -> StoreError {
        StoreError(domain: .data, code: 0, message: what)
    }
}
