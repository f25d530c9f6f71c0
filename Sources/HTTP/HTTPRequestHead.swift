/// The request line and header fields of one HTTP/1.1 request.
public struct HTTPRequestHead: Sendable, Equatable {
    /// The method token, e.g. `GET` (case-sensitive, RFC 9110 §9.1).
    public var method: String
    /// The raw request-target as sent, e.g. `/ws?x=1` (still percent-encoded).
    public var target: String
    /// Minor version of HTTP/1.x (0 or 1).
    public var minorVersion: Int
    /// The header fields in the order received.
    public var headers: HTTPHeaders

    /// A head from its parts (the parser makes these; tests and tools too).
    public init(method: String, target: String, minorVersion: Int = 1, headers: HTTPHeaders = HTTPHeaders()) {
        self.method = method
        self.target = target
        self.minorVersion = minorVersion
        self.headers = headers
    }

    /// The path part of the target, before any `?` (still percent-encoded).
    public var path: Substring {
        target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(target)
    }

    /// The query part after `?`, if any.
    public var query: Substring? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        return target[target.index(after: mark)...]
    }

    /// Whether the connection stays open after the response (HTTP/1.1 default; HTTP/1.0 needs `keep-alive`).
    public var keepAlive: Bool {
        if headers.containsToken("close", in: "Connection") { return false }
        return minorVersion >= 1 || headers.containsToken("keep-alive", in: "Connection")
    }
}
