/// Counts failed logins per username and per client address, and decides when to slow down and when
/// to refuse (protocol §11: "Repeated failed logins are slowed, then refused (429)").
///
/// A value with explicit time, so the policy is tested with exact instants. It lives in memory only:
/// addresses are never written to disk, and a restart forgets old failures (an attacker cannot cause one).
public struct LoginThrottle: Sendable {
    /// The thresholds for one kind of key (a username, or an address, which may be shared behind NAT).
    public struct Limits: Sendable, Equatable {
        /// Failures answered at once; after these, each failure's answer is delayed.
        public var freeFailures: Int
        /// Failures after which every attempt is refused until `window` has passed since the last one.
        public var refuseAfter: Int
        /// The first delay; it doubles with each further failure, up to `maximumDelay`.
        public var firstDelay: Duration
        /// The longest delay handed out.
        public var maximumDelay: Duration
        /// How long failures are remembered, and how long a refusal lasts.
        public var window: Duration

        /// Sets every threshold.
        public init(freeFailures: Int, refuseAfter: Int, firstDelay: Duration = .seconds(1),
                    maximumDelay: Duration = .seconds(8), window: Duration = .seconds(15 * 60)) {
            self.freeFailures = freeFailures
            self.refuseAfter = refuseAfter
            self.firstDelay = firstDelay
            self.maximumDelay = maximumDelay
            self.window = window
        }

        /// Per username: three tries at full speed, slowed after, refused after ten.
        public static let username = Limits(freeFailures: 3, refuseAfter: 10)
        /// Per address: more room, since one address may carry a whole office.
        public static let address = Limits(freeFailures: 10, refuseAfter: 30)
    }

    /// What to do with an attempt before checking its password.
    public enum Decision: Equatable, Sendable {
        /// Check the password.
        case allowed
        /// Refuse without checking; try again after this long (HTTP 429 with `Retry-After`).
        case refused(retryAfter: Duration)
    }

    private struct Record: Sendable {
        var failures: Int
        var lastFailure: WallTime
    }

    private let usernameLimits: Limits
    private let addressLimits: Limits
    private var records: [String: Record] = [:]
    /// Past this many remembered keys, stale ones are dropped, so spraying names cannot grow memory forever.
    private let pruneThreshold = 10_000

    /// A throttle with the given limits and nothing remembered.
    public init(username: Limits = .username, address: Limits = .address) {
        usernameLimits = username
        addressLimits = address
    }

    /// Whether an attempt for `username` from `address` may be checked at all.
    public func check(username: String, address: String?, now: WallTime) -> Decision {
        var wait = Duration.zero
        for (key, limits) in keys(username: username, address: address) {
            guard let record = records[key], record.failures >= limits.refuseAfter else { continue }
            let remaining = record.lastFailure.adding(limits.window).since(now)
            if remaining > wait { wait = remaining }
        }
        return wait > .zero ? .refused(retryAfter: wait) : .allowed
    }

    /// Counts an attempt as a failure until it proves right, and returns how long a failure's answer
    /// should be held back. Counting before the password is checked means a burst of parallel guesses
    /// is throttled too, not only guesses made one after another.
    public mutating func recordAttempt(username: String, address: String?, now: WallTime) -> Duration {
        if records.count > pruneThreshold { prune(now: now) }
        var delay = Duration.zero
        for (key, limits) in keys(username: username, address: address) {
            var record = records[key] ?? Record(failures: 0, lastFailure: now)
            if now.since(record.lastFailure) > limits.window { record.failures = 0 }
            record.failures += 1
            record.lastFailure = now
            records[key] = record
            delay = max(delay, Self.delay(after: record.failures, limits))
        }
        return delay
    }

    /// Takes back a right attempt: the username's count is cleared, and the address loses only this
    /// attempt, so one known account cannot be used to reset guessing against others.
    public mutating func recordSuccess(username: String, address: String?) {
        records[Self.usernameKey(username)] = nil
        if let address, var record = records[Self.addressKey(address)], record.failures > 0 {
            record.failures -= 1
            records[Self.addressKey(address)] = record
        }
    }

    private static func delay(after failures: Int, _ limits: Limits) -> Duration {
        let slowed = failures - limits.freeFailures
        guard slowed > 0 else { return .zero }
        let doubled = limits.firstDelay * (1 << min(slowed - 1, 20))
        return min(doubled, limits.maximumDelay)
    }

    private func keys(username: String, address: String?) -> [(String, Limits)] {
        var keys = [(Self.usernameKey(username), usernameLimits)]
        if let address { keys.append((Self.addressKey(address), addressLimits)) }
        return keys
    }

    // Usernames are matched without regard to ASCII case, like the staff table.
    private static func usernameKey(_ username: String) -> String { "u:" + username.lowercased() }

    private static func addressKey(_ address: String) -> String { "a:" + address }

    private mutating func prune(now: WallTime) {
        let longest = max(usernameLimits.window, addressLimits.window)
        records = records.filter { now.since($0.value.lastFailure) <= longest }
    }
}
