import Testing
@testable import Store

@Suite("Migrations and connection settings")
struct MigratorTests {
    @Test("a new store applies every migration once", arguments: StoreLocation.allCases)
    func migratesFromEmpty(location: StoreLocation) throws {
        let fixture = try StoreFixture(location)
        let applied = try StoreSchema.migrator.appliedMigrations(fixture.store.database)
        #expect(applied == StoreSchema.migrator.migrations.map(\.name))
        #expect(try fixture.store.listStaff().isEmpty)
    }

    @Test("reopening a data directory keeps its data and applies nothing twice")
    func reopenIsIdempotent() throws {
        let temporary = try TemporaryDirectory()
        let directory = DataDirectory(path: temporary.path + "/data")
        do {
            let store = try DataStore(directory: directory, masterKey: nil, options: StoreFixture.fastOptions)
            try store.addStaff(username: "river", role: .worker, password: "long enough", now: .start)
        }
        let reopened = try DataStore(directory: directory, masterKey: nil, options: StoreFixture.fastOptions)
        #expect(try reopened.listStaff().map(\.username) == ["river"])
        let applied = try StoreSchema.migrator.appliedMigrations(reopened.database)
        #expect(applied.count == StoreSchema.migrator.migrations.count)
    }

    @Test("a later migration runs on a database that has only the earlier ones")
    func appendsOnlyNewMigrations() throws {
        let database = try Database(path: ":memory:")
        var first = Migrator()
        first.register("one", sql: "CREATE TABLE a (x INTEGER)")
        try first.migrate(database)
        var second = first
        second.register("two", sql: "CREATE TABLE b (y INTEGER)")
        try second.migrate(database)
        try second.migrate(database)
        #expect(try second.appliedMigrations(database) == ["one", "two"])
        try database.run("INSERT INTO b (y) VALUES (1)")
    }

    @Test("a database from a newer release is refused, not guessed at")
    func refusesUnknownMigrations() throws {
        let database = try Database(path: ":memory:")
        var newer = Migrator()
        newer.register("one", sql: "CREATE TABLE a (x INTEGER)")
        newer.register("from the future", sql: "CREATE TABLE f (x INTEGER)")
        try newer.migrate(database)
        var older = Migrator()
        older.register("one", sql: "CREATE TABLE a (x INTEGER)")
        #expect(throws: StoreError.self) { try older.migrate(database) }
    }

    @Test("a failing migration leaves nothing behind")
    func failedMigrationRollsBack() throws {
        let database = try Database(path: ":memory:")
        var migrator = Migrator()
        migrator.register("broken", sql: "CREATE TABLE half (x INTEGER); THIS IS NOT SQL")
        #expect(throws: StoreError.self) { try migrator.migrate(database) }
        #expect(try migrator.appliedMigrations(database).isEmpty)
        #expect(throws: StoreError.self) { try database.run("INSERT INTO half (x) VALUES (1)") }
    }

    @Test("files use WAL, full fsync on commit, secure delete and foreign keys")
    func connectionSettings() throws {
        let fixture = try StoreFixture(.directory)
        let database = fixture.store.database
        #expect(try database.pragmaText("journal_mode") == "wal")
        #expect(try database.pragmaText("synchronous") == "2")
        #expect(try database.pragmaText("secure_delete") == "1")
        #expect(try database.pragmaText("foreign_keys") == "1")
        #expect(try database.pragmaText("busy_timeout") == "5000")
    }

    @Test("text and blobs round trip exactly, including NUL characters and empty values")
    func valuesRoundTrip() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE v (t TEXT, b BLOB)")
        for (text, blob) in [("a\u{0}b", [UInt8]([0, 1, 0])), ("", []), ("héllo", [255])] {
            try database.run("DELETE FROM v")
            try database.run("INSERT INTO v (t, b) VALUES (?, ?)", .text(text), .blob(blob))
            let row = try database.firstRow("SELECT t, b, typeof(b) FROM v") { ($0.text(0), $0.blob(1), $0.text(2)) }
            #expect(row?.0 == text)
            #expect(row?.1 == blob)
            #expect(row?.2 == "blob")
        }
    }

    @Test("SQLite errors name the failing call but never the bound values")
    func errorsCarryNoValues() throws {
        let fixture = try StoreFixture(.memory)
        try fixture.store.database.run("INSERT INTO staff (username, role, password_hash, created_ms) VALUES (?, ?, ?, ?)",
                                       .text("secret-name"), .text("worker"), .text("h"), .integer(0))
        let error = #expect(throws: StoreError.self) {
            try fixture.store.database.run(
                "INSERT INTO staff (username, role, password_hash, created_ms) VALUES (?, ?, ?, ?)",
                .text("secret-name"), .text("worker"), .text("h"), .integer(0))
        }
        #expect(error?.domain == .sqlite)
        #expect(error?.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error.map { !$0.description.contains("secret-name") } == true)
    }
}
