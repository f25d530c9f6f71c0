import WebSocket

extension WSCloseCode {
    /// 1005: the client's close frame carried no code (RFC 6455 §7.1.5); reported, never sent.
    static let noStatusReceived = WSCloseCode(rawValue: 1005)
    /// 1006: the connection ended without a close frame (RFC 6455 §7.1.5); reported, never sent.
    static let abnormalClosure = WSCloseCode(rawValue: 1006)
}
