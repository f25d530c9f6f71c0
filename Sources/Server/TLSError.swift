import Crypto

/// A TLS set-up or session failure: what was being done, and OpenSSL's reason text (never data).
public struct TLSError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being done, e.g. `load TLS certificate /etc/withness/cert.pem`.
    public var operation: String
    /// OpenSSL's reason strings, joined with `; `.
    public var reason: String

    /// An error for `operation` with OpenSSL's `reason`.
    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    /// Drains this thread's OpenSSL error queue into one error.
    static func drained(_ operation: String) -> TLSError {
        let reason = OpenSSLErrorQueue.drain()
        return TLSError(operation: operation, reason: reason.isEmpty ? "unknown error" : reason)
    }

    /// `operation: reason`.
    public var description: String { "\(operation): \(reason)" }
}
