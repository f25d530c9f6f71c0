/// The audit log: appended to on every transcript read, listed for admins, verified end to end.
/// There is deliberately no API to change or remove entries, and SQLite triggers refuse both.
extension DataStore {
    /// Appends an entry linked to the last one. Runs inside the caller's transaction when there is one,
    /// so the read it records and the record itself commit together.
    func appendAudit(actor: StaffMember, action: String, subject: String, now: WallTime) throws(StoreError) {
        let last = try database.firstRow("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1") {
            (id: $0.integer(0), hash: $0.blob(1))
        }
        let id = (last?.id ?? 0) + 1
        let previous = last?.hash ?? AuditEntry.genesisHash
        let hash = AuditEntry.chainHash(previousHash: previous, id: id, at: now, actorName: actor.displayName,
                                        actorRole: actor.role.rawValue, action: action, subject: subject)
        try database.run("""
            INSERT INTO audit_log (id, at_ms, actor_name, actor_role, action, subject, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, .integer(id), .integer(now.milliseconds), .text(actor.displayName), .text(actor.role.rawValue),
            .text(action), .text(subject), .blob(previous), .blob(hash))
    }

    /// Entries in order, starting after `afterID`, at most `limit` of them (admins: `GET /api/audit`).
    public func listAudit(afterID: Int64 = 0, limit: Int = 1000) throws -> [AuditEntry] {
        try database.rows("""
            SELECT id, at_ms, actor_name, actor_role, action, subject, previous_hash, hash
            FROM audit_log WHERE id > ? ORDER BY id LIMIT ?
            """, .integer(afterID), .integer(Int64(max(0, limit))), map: Self.auditEntry)
    }

    /// Walks the whole chain from the first entry and reports the first one that does not fit.
    public func verifyAuditChain() throws -> AuditChainStatus {
        var expectedID: Int64 = 1
        var previous = AuditEntry.genesisHash
        var lastSeen = Int64.min
        // Read in pages so a long log never sits in memory at once. Starting below 1 catches rows
        // slipped in with ids that a walk from 1 would skip.
        while true {
            let page = try listAudit(afterID: lastSeen, limit: 500)
            if page.isEmpty { return .intact(entries: Int(expectedID - 1)) }
            for entry in page {
                guard entry.id == expectedID, entry.previousHash == previous, entry.hasValidHash else {
                    return .broken(atEntry: entry.id)
                }
                previous = entry.hash
                expectedID += 1
                lastSeen = entry.id
            }
        }
    }

    /// Who read a transcript and when: the audit entries about it.
    func accessLog(transcriptID: String) throws(StoreError) -> [TranscriptAccess] {
        try database.rows("""
            SELECT actor_name, actor_role, at_ms FROM audit_log WHERE subject = ? AND action = ? ORDER BY id
            """, .text(transcriptID), .text(AuditEntry.readTranscript)) {
            TranscriptAccess(name: $0.text(0), role: $0.text(1), at: WallTime(milliseconds: $0.integer(2)))
        }
    }

    private static func auditEntry(_ row: Statement) -> AuditEntry? {
        AuditEntry(id: row.integer(0), at: WallTime(milliseconds: row.integer(1)), actorName: row.text(2),
                   actorRole: row.text(3), action: row.text(4), subject: row.text(5), previousHash: row.blob(6),
                   hash: row.blob(7))
    }
}
