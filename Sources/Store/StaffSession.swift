import Crypto

/// A successful login: the bearer token (shown to the client once, stored only as its hash), who it
/// belongs to, and when it stops working. Maps to `{"token","role","expires"}` (protocol §11).
public struct StaffSession: Sendable, Equatable {
    /// 256 random bits as URL-safe base64; used as `Authorization: Bearer …` and as `hello.auth`.
    public let token: String
    /// The account that logged in.
    public let staff: StaffMember
    /// When the token stops being accepted.
    public let expires: WallTime
}

/// The answer to a login attempt, already carrying what the HTTP layer must do.
public enum LoginOutcome: Sendable, Equatable {
    /// Right name and password: answer 200 with the session.
    case success(StaffSession)
    /// Wrong name or password: answer 401, but only after waiting `delay` (a timer, never a blocked loop).
    case failure(delay: Duration)
    /// Too many failures lately: answer 429 with `Retry-After`; the password was not even checked.
    case tooManyAttempts(retryAfter: Duration)
}

/// The result of a login's first phase.
public enum PendingLogin: Sendable {
    /// Decided without a password check (throttled).
    case refused(LoginOutcome)
    /// Run `verify` (anywhere), then hand the answer to `DataStore.completeLogin`.
    case check(PasswordCheck)
}

/// The slow middle of a login: a scrypt check that may run on any thread. Holds the stored hash (of the
/// account, or of a decoy for unknown names), never the password.
public struct PasswordCheck: Sendable {
    let username: String
    let address: String?
    let now: WallTime
    let member: StaffMember?
    let storedHash: String
    let hasher: PasswordHasher
    let failureDelay: Duration

    /// Runs scrypt and compares in constant time. Always costs one KDF run, known name or not.
    public func verify(_ password: String) -> Bool { hasher.verify(password, against: storedHash) }
}
