/// One client connection, numbered by the glue (it maps these to the server's connection ids).
/// Opaque to the chat: it only keys sessions and addresses effects.
public struct ClientID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The glue's number for this connection.
    public var rawValue: UInt64

    /// Wraps the glue's number.
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }

    /// Orders by number (stable output in tests and logs).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    /// `client#N`, for logs.
    public var description: String { "client#\(rawValue)" }
}

/// A person in the chat (`p_…` on the wire). Survives reconnects within the grace period.
public struct PeerID: Hashable, Sendable, CustomStringConvertible {
    /// The wire form, e.g. `p_k3f9…`.
    public var rawValue: String

    /// Wraps a wire id as received or generated.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The wire form.
    public var description: String { rawValue }
}

/// A room: pair rooms `r_…`, created group rooms `g_…`, standing and open rooms keep their given id.
public struct RoomID: Hashable, Sendable, CustomStringConvertible {
    /// The wire form.
    public var rawValue: String

    /// Wraps a wire id as received or configured.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The wire form.
    public var description: String { rawValue }

    /// True for ids a person may name: letters, digits, `-`, `_`, 1–64 of them (protocol §5).
    public var isWellFormed: Bool {
        let utf8 = rawValue.utf8
        guard (1...64).contains(utf8.count) else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): return true
            default: return false
            }
        }
    }

    /// True when the id uses a prefix the server generates (`p_`, `r_`, `g_`, `t_`, `rep_`),
    /// which open rooms may not claim so a made-up id can never shadow a generated one.
    public var hasReservedPrefix: Bool {
        ["p_", "r_", "g_", "t_", "rep_"].contains { rawValue.hasPrefix($0) }
    }
}

/// A safety report (`rep_…`), kept for staff review.
public struct ReportID: Hashable, Sendable, CustomStringConvertible {
    /// The wire form.
    public var rawValue: String

    /// Wraps a wire id.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The wire form.
    public var description: String { rawValue }
}

/// A stored transcript (`t_…`), named by the store that saved it.
public struct TranscriptID: Hashable, Sendable, CustomStringConvertible {
    /// The wire form.
    public var rawValue: String

    /// Wraps a wire id.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The wire form.
    public var description: String { rawValue }
}
