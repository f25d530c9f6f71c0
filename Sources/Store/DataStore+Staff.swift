/// Staff accounts: made, listed, removed and re-keyed from the command line (protocol §11).
extension DataStore {
    /// Makes an account. The password is hashed with scrypt and a fresh salt; it is never stored.
    @discardableResult
    public func addStaff(username: String, role: StaffRole, password: String, now: WallTime) throws -> StaffMember {
        guard StaffMember.isValidUsername(username) else { throw StaffAccountError.invalidUsername }
        guard password.count >= StaffMember.minimumPasswordLength else { throw StaffAccountError.passwordTooShort }
        guard try staffRecord(username: username) == nil else { throw StaffAccountError.usernameTaken }
        let hash = try hashPassword(password)
        try database.run("INSERT INTO staff (username, role, password_hash, created_ms) VALUES (?, ?, ?, ?)",
                         .text(username), .text(role.rawValue), .text(hash), .integer(now.milliseconds))
        return StaffMember(id: database.lastInsertRowID, username: username, role: role, created: now)
    }

    /// Every account, by name.
    public func listStaff() throws -> [StaffMember] {
        try database.rows("SELECT id, username, role, created_ms FROM staff ORDER BY username") { Self.member(from: $0) }
    }

    /// The account with this name (ASCII case ignored), if any.
    public func staff(username: String) throws -> StaffMember? {
        try staffRecord(username: username)?.member
    }

    /// Removes an account and ends its sessions at once. Its audit entries stay (they copy the name).
    public func removeStaff(username: String) throws {
        try database.run("DELETE FROM staff WHERE username = ?", .text(username))
        guard database.changes == 1 else { throw StaffAccountError.noSuchAccount }
    }

    /// Sets a new password and ends every session of the account, so an old token stops working.
    public func changePassword(username: String, to password: String) throws {
        guard password.count >= StaffMember.minimumPasswordLength else { throw StaffAccountError.passwordTooShort }
        guard let record = try staffRecord(username: username) else { throw StaffAccountError.noSuchAccount }
        let hash = try hashPassword(password)
        try database.transaction {
            try database.run("UPDATE staff SET password_hash = ? WHERE id = ?", .text(hash), .integer(record.member.id))
            try database.run("DELETE FROM staff_sessions WHERE staff_id = ?", .integer(record.member.id))
        }
    }

    func hashPassword(_ password: String) throws(StoreError) -> String {
        do { return try options.passwordHasher.hash(password) } catch { throw StoreError.crypto(error.description) }
    }

    /// An account with its password hash, for login only.
    func staffRecord(username: String) throws(StoreError) -> (member: StaffMember, passwordHash: String)? {
        try database.firstRow("SELECT id, username, role, created_ms, password_hash FROM staff WHERE username = ?",
                              .text(username)) { row in Self.member(from: row).map { ($0, row.text(4)) } }
    }

    /// Reads `id, username, role, created_ms` from the current row.
    static func member(from row: Statement) -> StaffMember? {
        guard let role = StaffRole(rawValue: row.text(2)) else { return nil }
        return StaffMember(id: row.integer(0), username: row.text(1), role: role,
                           created: WallTime(milliseconds: row.integer(3)))
    }
}
