import Chat
import Glibc

/// The system clocks the domain needs, read here at the edge so the `Chat` reducer stays pure.
enum MonotonicMilliseconds {
    /// Milliseconds on `CLOCK_MONOTONIC` (never jumps; deadlines).
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1000 + UInt64(spec.tv_nsec) / 1_000_000
    }

    /// Milliseconds since 1970 on `CLOCK_REALTIME` (timestamps people read).
    static func wallNow() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    /// Both clocks, as the reducer takes them.
    static func chatTime() -> ChatTime {
        ChatTime(monotonic: now(), wall: wallNow())
    }
}
