/// The most a client may send in one request; each limit has its own answer (431, 413).
///
/// Checked while bytes arrive, so a client can never make the server buffer more than these sizes.
public struct HTTPRequestLimits: Sendable, Equatable {
    /// Request line plus header fields, in bytes (RFC 6585 §5: 431 beyond it).
    public var maxHeadBytes: Int
    /// `Content-Length` above this is refused with 413 before any body byte is buffered.
    public var maxBodyBytes: Int
    /// Header fields per request; more is answered with 431.
    public var maxHeaderFields: Int

    /// Defaults: 16 KiB of head, 1 MiB of body, 100 header fields.
    public init(maxHeadBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024 * 1024, maxHeaderFields: Int = 100) {
        self.maxHeadBytes = maxHeadBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderFields = maxHeaderFields
    }
}
