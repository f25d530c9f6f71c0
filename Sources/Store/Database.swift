import CSQLite

/// One SQLite connection, closed when the handle goes away.
///
/// Not thread-safe: a `Database` belongs to one thread at a time (the store's writer thread, see
/// `StoreWorker`). Statements are prepared once and cached by their SQL text.
public final class Database {
    /// The raw connection, for `Statement` only.
    let connection: OpaquePointer
    private var statementCache: [String: Statement] = [:]

    /// Opens (creating if needed) the database at `path`; `":memory:"` gives a private in-memory database.
    public init(path: String) throws(StoreError) {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = StoreError.sqlite(handle, code, "open")
            sqlite3_close_v2(handle)
            throw error
        }
        connection = handle
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(connection)
    }

    /// Runs one or more SQL statements that take no parameters (schema, pragmas).
    public func execute(_ sql: String) throws(StoreError) {
        let code = sqlite3_exec(connection, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw StoreError.sqlite(connection, code, "execute") }
    }

    /// Prepares a fresh statement (use `cached` for statements run repeatedly).
    public func prepare(_ sql: String) throws(StoreError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs a statement that returns no rows, binding `values` in order. The prepared statement is cached.
    public func run(_ sql: String, _ values: SQLValue...) throws(StoreError) {
        let statement = try cached(sql)
        defer { statement.reset() }
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Runs a query and maps every row; rows that map to nil are skipped. The statement is reset
    /// afterwards, so no read snapshot stays open (which would hide other processes' writes).
    public func rows<T>(_ sql: String, _ values: SQLValue..., map: (Statement) -> T?) throws(StoreError) -> [T] {
        let statement = try cached(sql)
        defer { statement.reset() }
        try statement.bind(values)
        var results: [T] = []
        while try statement.step() {
            if let value = map(statement) { results.append(value) }
        }
        return results
    }

    /// Runs a query and maps its first row only (nil when there is none).
    public func firstRow<T>(_ sql: String, _ values: SQLValue..., map: (Statement) -> T?) throws(StoreError) -> T? {
        let statement = try cached(sql)
        defer { statement.reset() }
        try statement.bind(values)
        return try statement.step() ? map(statement) : nil
    }

    private func cached(_ sql: String) throws(StoreError) -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back if it throws.
    ///
    /// IMMEDIATE takes the write lock up front, so a concurrent writer (the `staff` command while the
    /// server runs) waits on the busy timeout instead of failing halfway through.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(connection)) }

    /// The rowid of the last inserted row.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(connection) }

    /// Reads a pragma's current value as text (`journal_mode` → `wal`, `secure_delete` → `1`).
    public func pragmaText(_ name: String) throws(StoreError) -> String? {
        let statement = try prepare("PRAGMA \(name)")
        return try statement.step() ? statement.text(0) : nil
    }
}
