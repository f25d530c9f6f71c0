import Crypto

/// A TLS set-up or session failure: what was being done, and OpenSSL's reason text (never data).
public struct TLSError: Error, Equatable, Sendable, CustomStringConvertible {
    public var operation: String
    public var reason: String

    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    /// Drains this thread's OpenSSL error queue into one error.
    static func drained(_ operation: String) -> TLSError {
        let reason = OpenSSLErrorQueue.drain()
        return TLSError(operation: operation, reason: reason.isEmpty ? "unknown error" : reason)
    }

    public var description: String { "\(operation): \(reason)" }
}
