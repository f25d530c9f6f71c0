import Glibc

/// The on-disk home of the store: a directory only its owner can enter (0700) holding the SQLite
/// database (0600; SQLite gives its `-wal` and `-shm` files the same mode) and, by default, the master key.
public struct DataDirectory: Sendable, Equatable {
    /// The directory path as given (`--data`, default `./data`).
    public let path: String

    /// Names a data directory; nothing is touched until `prepare()`.
    public init(path: String) { self.path = path }

    /// The SQLite database file.
    public var databasePath: String { path + "/withness.sqlite3" }

    /// Where the master key lives unless `--master-key-file` says otherwise.
    public var defaultMasterKeyPath: String { path + "/master.key" }

    /// Creates the directory (and missing parents) with mode 0700, and the database file with mode 0600
    /// before SQLite opens it, so no file is ever readable by others, whatever the umask.
    public func prepare() throws(StoreError) {
        try Self.makeDirectories(path)
        let fd = open(databasePath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.system("open(database)", errno: errno) }
        defer { close(fd) }
        // An existing file made by an older build or another tool is tightened too.
        guard fchmod(fd, 0o600) == 0 else { throw StoreError.system("fchmod(database)", errno: errno) }
    }

    private static func makeDirectories(_ path: String) throws(StoreError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw StoreError.system("mkdir(data directory)", errno: errno)
            }
            prefix += "/"
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.system("stat(data directory)", errno: errno) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError(domain: .system, code: ENOTDIR, message: "data directory is not a directory")
        }
    }
}
