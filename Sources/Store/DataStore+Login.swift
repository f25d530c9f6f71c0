import Crypto

/// Staff login, logout and token resolution (protocol §3 `hello.auth`, §11 `/api/login`).
///
/// A login has three phases so the slow part can leave the store's thread: `prepareLogin` (throttle and
/// account lookup, store thread), `PasswordCheck.verify` (scrypt, any thread), `completeLogin` (session
/// written, store thread). `StoreWorker.login` runs them on the right threads; `login` runs all three here.
extension DataStore {
    /// All three phases in one call, on the calling thread (tests and tools).
    public func login(username: String, password: String, address: String?, now: WallTime) throws -> LoginOutcome {
        switch try prepareLogin(username: username, address: address, now: now) {
        case .refused(let outcome): return outcome
        case .check(let check): return try completeLogin(check, verified: check.verify(password))
        }
    }

    /// Phase 1: refuses at once when throttled; otherwise counts the attempt and returns the check to run.
    ///
    /// Unknown usernames get a decoy hash, so their check costs the same scrypt time as a real one and
    /// timing does not reveal which names exist.
    public func prepareLogin(username: String, address: String?, now: WallTime) throws -> PendingLogin {
        if case .refused(let retryAfter) = throttle.check(username: username, address: address, now: now) {
            return .refused(.tooManyAttempts(retryAfter: retryAfter))
        }
        // Made before the lookup, so the one-off cost of making it falls on known and unknown names alike.
        let decoy = try decoyHash()
        let record = StaffMember.isValidUsername(username) ? try staffRecord(username: username) : nil
        let delay = throttle.recordAttempt(username: username, address: address, now: now)
        return .check(PasswordCheck(username: username, address: address, now: now, member: record?.member,
                                    storedHash: record?.passwordHash ?? decoy, hasher: options.passwordHasher,
                                    failureDelay: delay))
    }

    /// Phase 3: on a right password for an account that has not changed meanwhile, clears the throttle
    /// and writes a session (token stored only as its SHA-256 hash).
    public func completeLogin(_ check: PasswordCheck, verified: Bool) throws -> LoginOutcome {
        // The account may have been removed or re-keyed while the hash ran elsewhere.
        guard verified, let member = check.member, let current = try staffRecord(username: check.username),
              current.member.id == member.id, current.passwordHash == check.storedHash else {
            return .failure(delay: check.failureDelay)
        }
        throttle.recordSuccess(username: check.username, address: check.address)
        let (token, hashed) = HashedSecret.generate(byteCount: 32)
        let expires = check.now.adding(options.sessionLifetime)
        try database.run("""
            INSERT INTO staff_sessions (lookup, token_hash, staff_id, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?)
            """, .integer(hashed.lookup), .blob(hashed.hash), .integer(member.id), .integer(check.now.milliseconds),
            .integer(expires.milliseconds))
        return .success(StaffSession(token: token, staff: current.member, expires: expires))
    }

    /// The account a token belongs to, or nil when it is unknown, logged out, or expired.
    public func resolve(token: String, now: WallTime) throws -> StaffMember? {
        guard let hashed = HashedSecret(token) else { return nil }
        let candidates = try database.rows("""
            SELECT s.id, s.username, s.role, s.created_ms, t.token_hash, t.expires_ms
            FROM staff_sessions t JOIN staff s ON s.id = t.staff_id WHERE t.lookup = ?
            """, .integer(hashed.lookup)) { row in
            Self.member(from: row).map { (member: $0, hash: row.blob(4), expires: WallTime(milliseconds: row.integer(5))) }
        }
        guard let match = candidates.first(where: { hashed.matches($0.hash) }) else { return nil }
        return match.expires > now ? match.member : nil
    }

    /// Ends the session holding this token; false when there was none.
    @discardableResult
    public func logout(token: String) throws -> Bool {
        guard let hashed = HashedSecret(token) else { return false }
        let candidates = try database.rows("SELECT rowid, token_hash FROM staff_sessions WHERE lookup = ?",
                                           .integer(hashed.lookup)) { (rowID: $0.integer(0), hash: $0.blob(1)) }
        guard let match = candidates.first(where: { hashed.matches($0.hash) }) else { return false }
        try database.run("DELETE FROM staff_sessions WHERE rowid = ?", .integer(match.rowID))
        return true
    }

    /// A valid scrypt hash of a random password, made once with the same cost as real ones.
    private func decoyHash() throws(StoreError) -> String {
        if let decoyPasswordHash { return decoyPasswordHash }
        let hash = try hashPassword(SecureRandom.token(byteCount: 16))
        decoyPasswordHash = hash
        return hash
    }
}
