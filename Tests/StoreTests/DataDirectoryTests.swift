import Glibc
import Testing
@testable import Store

@Suite("Data directory and master key on disk")
struct DataDirectoryTests {
    @Test("the data directory is 0700 and every database file is 0600")
    func ownerOnlyPermissions() throws {
        let fixture = try StoreFixture(.directory)
        let path = try #require(fixture.dataPath)
        try fixture.store.addStaff(username: "river", role: .admin, password: "long enough", now: .start)
        #expect(FileScan.mode(of: path) == 0o700)
        let files = FileScan.names(in: path)
        #expect(files.contains("withness.sqlite3"))
        #expect(files.contains("withness.sqlite3-wal"))
        for name in files {
            #expect(FileScan.mode(of: path + "/" + name) == 0o600, "\(name)")
        }
    }

    @Test("releasing the store closes its connection, which folds the write-ahead log back in")
    func closesOnRelease() throws {
        let temporary = try TemporaryDirectory()
        let directory = DataDirectory(path: temporary.path + "/data")
        do {
            let store = try DataStore(directory: directory, masterKey: nil, options: StoreFixture.fastOptions)
            try store.addStaff(username: "river", role: .admin, password: "long enough", now: .start)
            #expect(FileScan.names(in: directory.path).contains("withness.sqlite3-wal"))
        }
        #expect(FileScan.names(in: directory.path) == ["withness.sqlite3"])
    }

    @Test("missing parent directories are made too")
    func makesParents() throws {
        let temporary = try TemporaryDirectory()
        let directory = DataDirectory(path: temporary.path + "/a/b/data")
        _ = try DataStore(directory: directory, masterKey: nil, options: StoreFixture.fastOptions)
        #expect(FileScan.mode(of: directory.path) == 0o700)
        #expect(FileScan.mode(of: directory.databasePath) == 0o600)
    }

    @Test("the master key file is created once with 32 random bytes and mode 0600, then reused")
    func masterKeyCreation() throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/master.key"
        let created = try MasterKey.loadOrCreate(path: path)
        #expect(FileScan.mode(of: path) == 0o600)
        #expect(FileScan.contents(of: path) == created.bytes)
        #expect(created.bytes.count == 32)
        #expect(created.bytes != [UInt8](repeating: 0, count: 32))
        let loaded = try MasterKey.loadOrCreate(path: path)
        #expect(loaded.bytes == created.bytes)
    }

    @Test("opening for the server makes the directory, the key file and the database on first run, then reuses them")
    func openForServer() throws {
        let temporary = try TemporaryDirectory()
        let data = temporary.path + "/data"
        let saved: SavedTranscript
        do {
            let store = try DataStore.open(dataDirectory: data, options: StoreFixture.fastOptions)
            saved = try Conversation.savePair(in: store)
        }
        #expect(FileScan.mode(of: data + "/master.key") == 0o600)
        let reopened = try DataStore.open(dataDirectory: data, options: StoreFixture.fastOptions)
        #expect(try reopened.readByReceipt(saved.receipts[0].receipt, now: .start) != nil)
        let elsewhere = temporary.path + "/keys/withness.key"
        #expect(throws: StoreError.self) { try DataStore.open(dataDirectory: data, masterKeyFile: elsewhere) }
        mkdir(temporary.path + "/keys", 0o700)
        let other = try DataStore.open(dataDirectory: data, masterKeyFile: elsewhere, options: StoreFixture.fastOptions)
        #expect(FileScan.mode(of: elsewhere) == 0o600)
        #expect(throws: StoreError.self) { try other.readByReceipt(saved.receipts[0].receipt, now: .start) }
    }

    @Test("a master key file of the wrong length is refused")
    func masterKeyWrongLength() throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/master.key"
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        _ = write(fd, "too short", 9)
        close(fd)
        #expect(throws: StoreError.self) { try MasterKey.loadOrCreate(path: path) }
    }

    @Test("a data path that is a file is refused")
    func refusesFileAsDirectory() throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/file"
        close(open(path, O_WRONLY | O_CREAT, 0o600))
        #expect(throws: StoreError.self) {
            try DataStore(directory: DataDirectory(path: path), masterKey: nil, options: StoreFixture.fastOptions)
        }
    }
}
