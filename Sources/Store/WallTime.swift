import Glibc

/// A moment on the wall clock, in milliseconds since 1970-01-01T00:00:00Z.
///
/// Everything the store writes (expiries, audit times) must survive a restart, so it uses wall time.
/// Callers pass `now` in, which keeps expiry and throttling testable with explicit times.
public struct WallTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch.
    public var milliseconds: Int64

    /// Wraps a count of milliseconds since the Unix epoch.
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// The current wall-clock time (the edges read it; tests pass explicit values instead).
    public static func now() -> WallTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return WallTime(milliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    /// This time moved forward (or back, for negative durations) by `duration`.
    public func adding(_ duration: Duration) -> WallTime {
        WallTime(milliseconds: milliseconds &+ duration.wholeMilliseconds)
    }

    /// How long from `earlier` to this time (negative if `earlier` is later).
    public func since(_ earlier: WallTime) -> Duration { .milliseconds(milliseconds &- earlier.milliseconds) }

    public static func < (lhs: WallTime, rhs: WallTime) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// ISO 8601 UTC with milliseconds, e.g. `2026-11-23T12:00:00.000Z` (protocol §2).
    public var description: String { iso8601 }

    /// ISO 8601 UTC with milliseconds, e.g. `2026-11-23T12:00:00.000Z` (protocol §2).
    public var iso8601: String {
        let (days, msOfDay) = Self.floorDivide(milliseconds, 86_400_000)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        let hour = msOfDay / 3_600_000, minute = msOfDay / 60_000 % 60
        let second = msOfDay / 1000 % 60, millis = msOfDay % 1000
        return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T"
            + "\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2)).\(Self.pad(millis, 3))Z"
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Duration {
    /// The duration rounded toward zero to whole milliseconds, as stored in the database.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds &* 1000 &+ attoseconds / 1_000_000_000_000_000
    }
}
