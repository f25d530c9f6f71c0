import Crypto

/// Staff login, logout and token resolution (protocol §3 `hello.auth`, §11 `/api/login`).
extension DataStore {
    /// Checks a username and password, with failed-login throttling per username and per address.
    ///
    /// Unknown usernames still run one scrypt check against a decoy hash, so timing does not reveal
    /// which names exist. Costs one KDF run (tens of milliseconds): call it on the store's thread.
    public func login(username: String, password: String, address: String?, now: WallTime) throws -> LoginOutcome {
        if case .refused(let retryAfter) = throttle.check(username: username, address: address, now: now) {
            return .tooManyAttempts(retryAfter: retryAfter)
        }
        // Made before the lookup, so the one-off cost of making it falls on known and unknown names alike.
        let decoy = try decoyHash()
        let record = StaffMember.isValidUsername(username) ? try staffRecord(username: username) : nil
        let storedHash = record?.passwordHash ?? decoy
        let verified = options.passwordHasher.verify(password, against: storedHash)
        guard verified, let member = record?.member else {
            return .failure(delay: throttle.recordFailure(username: username, address: address, now: now))
        }
        throttle.recordSuccess(username: username)
        let (token, hashed) = HashedSecret.generate(byteCount: 32)
        let expires = now.adding(options.sessionLifetime)
        try database.run("""
            INSERT INTO staff_sessions (lookup, token_hash, staff_id, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?)
            """, .integer(hashed.lookup), .blob(hashed.hash), .integer(member.id), .integer(now.milliseconds),
            .integer(expires.milliseconds))
        return .success(StaffSession(token: token, staff: member, expires: expires))
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
        for candidate in candidates where hashed.matches(candidate.hash) {
            return candidate.expires > now ? candidate.member : nil
        }
        return nil
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
