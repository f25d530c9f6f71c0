/// RFC 6455 §4.2.1 checks plus protocol.md §1 rules (subprotocol `withness.v1`, Origin same-origin or allow-list).
public struct WSHandshakePolicy: Sendable {
    /// Exact origins like `https://example.org` that may connect besides the page's own origin.
    public var allowedOrigins: [String]
    /// Subprotocols the server speaks, in preference order, e.g. `["withness.v1"]`.
    public var subprotocols: [String]

    /// A policy; same-origin pages and clients without `Origin` are always allowed.
    public init(allowedOrigins: [String] = [], subprotocols: [String] = ["withness.v1"]) {
        self.allowedOrigins = allowedOrigins
        self.subprotocols = subprotocols
    }
}
