import Glibc
import HTTP

/// Reads files under the web root for the loops: what `StaticFilePath` let through is still checked here
/// against the real path, so a symbolic link inside the web root cannot point outside it.
///
/// Reads are plain blocking `read`s of small files the page cache already holds; web assets are a few
/// hundred KiB at most, and a file over `maxFileBytes` is refused rather than read on a loop.
struct StaticFiles: Sendable {
    /// The web root, with every symbolic link resolved, ending without a slash.
    let root: String
    let maxFileBytes = 8 * 1024 * 1024

    /// `nil` when the folder does not exist (nothing will be served).
    init?(root path: String) {
        guard let resolved = Self.realPath(path) else { return nil }
        root = resolved
    }

    /// The file's real path and metadata, or `nil` when it is missing, not a regular file, or outside the root.
    func lookup(_ relativePath: String) -> (path: String, metadata: StaticFileMetadata)? {
        guard let real = Self.realPath(root + "/" + relativePath), real.hasPrefix(root + "/") else { return nil }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= maxFileBytes else { return nil }
        let nanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return (real, StaticFileMetadata(size: Int(info.st_size), modifiedNanoseconds: nanoseconds))
    }

    /// The file's bytes, or `nil` if it cannot be read in full.
    func read(_ path: String, size: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, size - done, off_t(done)) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
