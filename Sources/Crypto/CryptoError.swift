import COpenSSL

/// A failed OpenSSL call: the operation and OpenSSL's own reason, never the data involved.
public struct CryptoError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The OpenSSL function that failed, e.g. `"EVP_DecryptFinal_ex"`.
    public let operation: String
    /// OpenSSL's error string drained from its error queue (may be empty).
    public let reason: String

    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    /// Builds an error from the thread's OpenSSL error queue, emptying it.
    public static func drained(_ operation: String) -> CryptoError {
        CryptoError(operation: operation, reason: OpenSSLErrorQueue.drain())
    }

    public var description: String { reason.isEmpty ? "\(operation) failed" : "\(operation) failed: \(reason)" }
}

/// Reads and empties OpenSSL's per-thread error queue (ERR_print_errors_fp is refused in Swift 6).
public enum OpenSSLErrorQueue {
    public static func drain() -> String {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.joined(separator: "; ")
    }
}
