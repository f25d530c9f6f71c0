/// One complete request: the head and its body (empty unless `Content-Length` said otherwise).
public struct HTTPRequest: Sendable, Equatable {
    /// The request line and header fields.
    public var head: HTTPRequestHead
    /// The body (at most the configured limit).
    public var body: [UInt8]

    /// A request from its parts.
    public init(head: HTTPRequestHead, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }
}
