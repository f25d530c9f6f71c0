import Glibc

/// Milliseconds on `CLOCK_MONOTONIC`, the time base of every deadline (the WebSocket state machine's too).
enum MonotonicClock {
    static func nowMS() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1000 &+ UInt64(spec.tv_nsec / 1_000_000)
    }
}
