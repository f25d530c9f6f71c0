import CLinux
import Glibc

/// Turns SIGINT and SIGTERM into a readable `eventfd`, so shutdown runs as ordinary code on an ordinary
/// thread. The C handler only writes 8 bytes (async-signal-safe); no Swift closure runs in signal context,
/// and no thread's signal mask matters.
public final class ShutdownSignal: Sendable {
    private let fd: Int32

    /// Installs the handlers (once per process; a second instance takes them over).
    public init() throws(SystemError) {
        fd = eventfd(0, Int32(EFD_CLOEXEC))
        if fd < 0 { throw .last("eventfd") }
        if withness_install_shutdown_handler(fd) != 0 { throw .last("sigaction") }
    }

    /// Blocks the calling thread until SIGINT or SIGTERM arrives.
    public func wait() {
        var value: UInt64 = 0
        while read(fd, &value, 8) < 0 && errno == EINTR {}
    }
}
