import CSQLite

/// A prepared SQLite statement, finalized when the handle goes away.
///
/// Bind with 1-based indexes, `step()` until it returns false, read columns with 0-based indexes.
/// It holds no reference to its `Database` (the database caches its statements, so that would be a
/// cycle); closing with `sqlite3_close_v2` keeps the connection alive until the last statement is finalized.
public final class Statement {
    private let handle: OpaquePointer

    init(database: Database, sql: String) throws(StoreError) {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(database.connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else { throw StoreError.sqlite(sqlite3_db_handle(handle), code, "prepare") }
        self.handle = handle
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds each value in order, starting at parameter 1.
    public func bind(_ values: [SQLValue]) throws(StoreError) {
        for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
    }

    /// Binds one value to a 1-based parameter index.
    public func bind(_ value: SQLValue, at index: Int32) throws(StoreError) {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
        case .text(let text):
            // An explicit byte count, so a string holding U+0000 is stored whole rather than cut short.
            let bytes = Array(text.utf8)
            code = bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, !raw.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, withness_sqlite_transient())
                }
                return sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(raw.count),
                                         withness_sqlite_transient())
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                // A zero-length blob still needs a non-null pointer to be stored as a blob, not NULL.
                sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count),
                                  withness_sqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw StoreError.sqlite(sqlite3_db_handle(handle), code, "bind") }
    }

    /// Advances to the next row: true when a row is available, false when the statement is done.
    public func step() throws(StoreError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = StoreError.sqlite(sqlite3_db_handle(handle), code, "step")
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows (INSERT, UPDATE, DELETE).
    public func run() throws(StoreError) {
        while try step() {}
    }

    /// Makes the statement ready to run again and clears its bindings.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// True when column `index` of the current row is NULL.
    public func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` of the current row as an integer (0 for NULL).
    public func integer(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index` of the current row as text ("" for NULL).
    public func text(_ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Column `index` of the current row as bytes (empty for NULL).
    public func blob(_ index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}

/// A value bound to a statement parameter.
public enum SQLValue: Sendable, Equatable {
    /// SQL NULL.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes (hashes, ciphertext).
    case blob([UInt8])
}
