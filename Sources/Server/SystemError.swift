import Glibc

/// A failed system call: which call, and `errno`. Never carries user data.
public struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The call that failed, e.g. `"bind"` or `"epoll_ctl(ADD)"`.
    public var operation: String
    /// The `errno` the call left.
    public var errno: Int32

    /// An error for `operation` with `errno`.
    public init(operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }

    /// Captures the current `errno` for `operation`.
    static func last(_ operation: String) -> SystemError {
        SystemError(operation: operation, errno: Glibc.errno)
    }

    /// The call, `strerror`'s text and the number.
    public var description: String {
        "\(operation) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
