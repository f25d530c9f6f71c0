import Crypto

/// Everything Withness keeps on disk: staff accounts and sessions, reports, encrypted transcripts with
/// their receipts, and the hash-chained audit log.
///
/// **Threading contract.** A `DataStore` is synchronous and not thread-safe: it owns one SQLite
/// connection and must be used from one thread at a time. The server runs it on a `StoreWorker`
/// (a dedicated thread with a job queue) so no event loop ever waits on disk or on a password hash.
/// Command-line tools use it directly.
public final class DataStore {
    /// Tunables, with the protocol's defaults.
    public struct Options: Sendable {
        /// How long a login token stays valid (default 12 hours).
        public var sessionLifetime: Duration = .seconds(12 * 3600)
        /// The scrypt cost for staff passwords (tests lower it).
        public var passwordHasher = PasswordHasher()
        /// Failed-login limits per username.
        public var usernameLimits = LoginThrottle.Limits.username
        /// Failed-login limits per client address.
        public var addressLimits = LoginThrottle.Limits.address
        /// How long a write waits for another process holding the lock (the `staff` command).
        public var busyTimeout: Duration = .seconds(5)

        /// The defaults.
        public init() {}
    }

    let database: Database
    let options: Options
    private let masterKey: MasterKey?
    var throttle: LoginThrottle
    /// A hash checked for unknown usernames, so they cost the same KDF time as real ones.
    var decoyPasswordHash: String?
    /// Set when a checkpoint after a deletion was blocked, so the next sweep tries again.
    var writeAheadLogNeedsTruncating = false

    /// Opens (creating on first run) the store in `directory`: 0700 directory, 0600 files, WAL journal.
    ///
    /// `masterKey` may be nil for tools that touch only staff accounts and the audit log; transcript and
    /// report calls then throw.
    public convenience init(directory: DataDirectory, masterKey: MasterKey?, options: Options = Options()) throws {
        try directory.prepare()
        try self.init(database: Database(path: directory.databasePath), writeAheadLog: true,
                      masterKey: masterKey, options: options)
    }

    /// What `withness serve` does: prepares the data directory, loads the master key from
    /// `masterKeyFile` (default `DIR/master.key`), creating it with 32 random bytes and mode 0600 on
    /// first run, and opens the store.
    public static func open(dataDirectory: String, masterKeyFile: String? = nil,
                            options: Options = Options()) throws -> DataStore {
        let directory = DataDirectory(path: dataDirectory)
        try directory.prepare()
        let masterKey = try MasterKey.loadOrCreate(path: masterKeyFile ?? directory.defaultMasterKeyPath)
        return try DataStore(directory: directory, masterKey: masterKey, options: options)
    }

    /// A private in-memory store (tests).
    public convenience init(inMemoryWith masterKey: MasterKey?, options: Options = Options()) throws {
        try self.init(database: Database(path: ":memory:"), writeAheadLog: false, masterKey: masterKey, options: options)
    }

    private init(database: Database, writeAheadLog: Bool, masterKey: MasterKey?, options: Options) throws {
        self.database = database
        self.masterKey = masterKey
        self.options = options
        throttle = LoginThrottle(username: options.usernameLimits, address: options.addressLimits)
        if writeAheadLog {
            // WAL lets the `staff` command read and write while the server runs.
            _ = try database.pragmaText("journal_mode = WAL")
        }
        // FULL: a commit is on disk before we tell anyone a transcript exists, even across kill -9 or
        // power loss. secure_delete: deleted rows are overwritten with zeros, not left in free pages.
        try database.execute("""
            PRAGMA busy_timeout = \(max(0, options.busyTimeout.wholeMilliseconds));
            PRAGMA synchronous = FULL;
            PRAGMA foreign_keys = ON;
            PRAGMA secure_delete = ON;
            PRAGMA trusted_schema = OFF;
            """)
        try StoreSchema.migrator.migrate(database)
    }

    /// The master key, or a clear error for stores opened without one.
    func requireMasterKey() throws(StoreError) -> MasterKey {
        guard let masterKey else { throw StoreError.crypto("this store was opened without a master key") }
        return masterKey
    }

    /// Moves everything from the write-ahead log into the database and truncates the log to zero bytes,
    /// so pages that held deleted ciphertext do not linger in the `-wal` file. If another process is
    /// reading (a `staff` command), the checkpoint cannot finish; it is retried at the next sweep.
    func truncateWriteAheadLog() throws(StoreError) {
        // Do not sit out the busy timeout waiting for a reader: the sweep retries.
        try database.execute("PRAGMA busy_timeout = 0")
        defer { try? database.execute("PRAGMA busy_timeout = \(max(0, options.busyTimeout.wholeMilliseconds))") }
        // The pragma answers one row: busy (1 when blocked), log frames, checkpointed frames.
        let statement = try database.prepare("PRAGMA wal_checkpoint(TRUNCATE)")
        let busy = try statement.step() && statement.integer(0) != 0
        writeAheadLogNeedsTruncating = busy
    }
}

