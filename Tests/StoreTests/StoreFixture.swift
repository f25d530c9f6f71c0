import Crypto
import Glibc
@testable import Store

/// Where a test body runs: the same assertions on a private in-memory database and on real files.
enum StoreLocation: String, CaseIterable, CustomStringConvertible {
    case memory
    case directory

    var description: String { rawValue }
}

/// A store opened for one test, with a cheap password hash so tests stay fast, and a temporary
/// data directory (removed on deinit) when the location is `.directory`.
final class StoreFixture {
    let store: DataStore
    let masterKey: MasterKey
    let directory: TemporaryDirectory?

    static var fastOptions: DataStore.Options {
        var options = DataStore.Options()
        options.passwordHasher = PasswordHasher(costLog2: 10, blockSize: 8, parallelism: 1)
        return options
    }

    init(_ location: StoreLocation, masterKey: MasterKey = .random(), options: DataStore.Options = fastOptions) throws {
        self.masterKey = masterKey
        switch location {
        case .memory:
            directory = nil
            store = try DataStore(inMemoryWith: masterKey, options: options)
        case .directory:
            let temporary = try TemporaryDirectory()
            directory = temporary
            store = try DataStore(directory: DataDirectory(path: temporary.path + "/data"), masterKey: masterKey,
                                  options: options)
        }
    }

    /// The data directory, for tests that only make sense on disk.
    var dataPath: String? { directory.map { $0.path + "/data" } }
}

/// A fresh directory under /tmp, deleted with everything in it when released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/withness-store-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw StoreError.system("mkdtemp", errno: errno) }
        path = String(cString: made)
    }

    deinit { Self.removeTree(path) }

    private static func removeTree(_ path: String) {
        for name in FileScan.names(in: path) {
            let child = path + "/" + name
            var info = stat()
            if lstat(child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { removeTree(child) } else { unlink(child) }
        }
        rmdir(path)
    }
}

/// Reads files back byte for byte, to prove what is (not) on disk.
enum FileScan {
    static func names(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func contents(of path: String) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    /// The names of files in `directory` whose bytes contain `needle` anywhere.
    static func files(in directory: String, containing needle: [UInt8]) -> [String] {
        names(in: directory).filter { contains(contents(of: directory + "/" + $0), needle) }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// The permission bits of a file, or nil when it does not exist.
    static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }
}

/// Fixed instants, so expiry and throttling are exact.
extension WallTime {
    static let start = WallTime(milliseconds: 1_795_000_000_000)
}
