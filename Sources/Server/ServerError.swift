/// Why the server could not start: a system call (bind, epoll, thread) or the TLS set-up.
public enum ServerError: Error, Equatable, Sendable, CustomStringConvertible {
    case system(SystemError)
    case tls(TLSError)
    /// `start` was called twice, or after `shutdown`.
    case alreadyStarted

    /// A one-line explanation for the operator.
    public var description: String {
        switch self {
        case .system(let error): error.description
        case .tls(let error): error.description
        case .alreadyStarted: "the server was already started"
        }
    }
}
