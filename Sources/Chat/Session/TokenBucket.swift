/// A message rate limit: `burst` messages at once, refilled at `perSecond`. Kept in thousandths of a
/// message so integer milliseconds refill it exactly.
struct TokenBucket: Sendable, Equatable {
    private var milliTokens: UInt64
    private var updatedAt: UInt64

    /// A full bucket at `now`.
    init(burst: Int, now: UInt64) {
        milliTokens = UInt64(max(burst, 0)) * 1000
        updatedAt = now
    }

    /// Takes one message's worth if there is one. A `perSecond` of 0 means no limit.
    mutating func take(now: UInt64, perSecond: Int, burst: Int) -> Bool {
        guard perSecond > 0 else { return true }
        let capacity = UInt64(max(burst, 1)) * 1000
        let elapsed = now > updatedAt ? now - updatedAt : 0
        let (refill, overflow) = elapsed.multipliedReportingOverflow(by: UInt64(perSecond))
        milliTokens = overflow ? capacity : min(capacity, milliTokens + min(refill, capacity))
        updatedAt = max(updatedAt, now)
        guard milliTokens >= 1000 else { return false }
        milliTokens -= 1000
        return true
    }
}
