/// Named, append-only schema migrations, each applied once inside its own transaction (GRDB's
/// `DatabaseMigrator`).
///
/// Applied names are kept in `schema_migrations`, in order. A migration, once released, is never edited
/// or removed: schema changes are new migrations appended at the end. Opening a database that has
/// migrations this binary does not know (a newer release wrote it) fails instead of guessing.
public struct Migrator: Sendable {
    /// One schema step: a stable name and the SQL or code that performs it.
    public struct Migration: Sendable {
        /// The name recorded in `schema_migrations`; never renamed once released.
        public let name: String
        /// Performs the step on the open database (inside a transaction the migrator manages).
        public let apply: @Sendable (Database) throws -> Void
    }

    /// The registered migrations, in the order they run.
    public private(set) var migrations: [Migration] = []

    /// An empty migrator; register migrations in order.
    public init() {}

    /// Appends a migration; names must be unique.
    public mutating func register(_ name: String, _ apply: @escaping @Sendable (Database) throws -> Void) {
        precondition(!migrations.contains { $0.name == name }, "duplicate migration name \(name)")
        migrations.append(Migration(name: name, apply: apply))
    }

    /// Appends a migration made of plain SQL statements.
    public mutating func register(_ name: String, sql: String) {
        register(name) { database in try database.execute(sql) }
    }

    /// Applies every registered migration not yet recorded; a no-op on an up-to-date database.
    public func migrate(_ database: Database) throws {
        try database.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                position INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                applied_ms INTEGER NOT NULL
            ) STRICT
            """)
        let applied = try appliedMigrations(database)
        for (position, name) in applied.enumerated() {
            guard position < migrations.count, migrations[position].name == name else {
                throw StoreError.corrupt("schema migration \(name) is not known to this version of withness")
            }
        }
        for (position, migration) in migrations.enumerated() where position >= applied.count {
            try database.transaction {
                try migration.apply(database)
                try database.run("INSERT INTO schema_migrations (position, name, applied_ms) VALUES (?, ?, ?)",
                                 .integer(Int64(position)), .text(migration.name), .integer(WallTime.now().milliseconds))
            }
        }
    }

    /// Names of the migrations already applied to `database`, in order.
    public func appliedMigrations(_ database: Database) throws(StoreError) -> [String] {
        try database.rows("SELECT name FROM schema_migrations ORDER BY position") { $0.text(0) }
    }
}
