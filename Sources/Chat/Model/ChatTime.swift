/// The two clocks the chat needs, read by the caller so the reducer stays pure and testable.
public struct ChatTime: Sendable, Equatable {
    /// Milliseconds on a clock that never jumps (deadlines: grace periods, rate limits, throttles).
    public var monotonic: UInt64
    /// Milliseconds since 1970-01-01T00:00:00Z (only for the `at` timestamps people read).
    public var wall: Int64

    /// A reading of both clocks.
    public init(monotonic: UInt64, wall: Int64) {
        self.monotonic = monotonic
        self.wall = wall
    }
}
