/// Names one connection for its whole life, from any thread, and never names another one later.
///
/// Packs the owning loop (8 bits), the slot in that loop's table (24 bits) and the slot's generation
/// (32 bits), so a send to a connection that has gone finds a newer generation and is dropped.
public struct ConnectionID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The packed value; stable for logging and as a dictionary key.
    public let rawValue: UInt64

    /// Rebuilds an id from `rawValue` (as logged or stored by the application).
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    init(loop: Int, slot: Int, generation: UInt32) {
        rawValue = UInt64(loop & 0xFF) << 56 | UInt64(slot & 0xFF_FFFF) << 32 | UInt64(generation)
    }

    /// Index of the event loop that owns the connection.
    var loop: Int { Int(rawValue >> 56) }
    var slot: Int { Int((rawValue >> 32) & 0xFF_FFFF) }
    var generation: UInt32 { UInt32(truncatingIfNeeded: rawValue) }

    /// Orders ids by their packed value, for stable sorting in tests and logs.
    public static func < (lhs: ConnectionID, rhs: ConnectionID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `c<loop>.<slot>.<generation>`, for logs.
    public var description: String { "c\(loop).\(slot).\(generation)" }
}
