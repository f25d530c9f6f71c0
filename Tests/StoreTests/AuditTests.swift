import Testing
@testable import Store

@Suite("Audit log")
struct AuditTests {
    private func storeWithReads(_ location: StoreLocation, count: Int) throws -> (StoreFixture, String) {
        let fixture = try StoreFixture(location)
        let saved = try Conversation.savePair(in: fixture.store)
        let admin = StaffMember(id: 8, username: "kim", role: .admin, created: .start)
        for index in 0..<count {
            _ = try fixture.store.readTranscript(id: saved.id, by: index.isMultiple(of: 2) ? Conversation.worker : admin,
                                                 now: WallTime.start.adding(.seconds(index)))
        }
        return (fixture, saved.id)
    }

    @Test("every read is one chained entry: who, role, what, when", arguments: StoreLocation.allCases)
    func readsAreAudited(location: StoreLocation) throws {
        let (fixture, id) = try storeWithReads(location, count: 3)
        let entries = try fixture.store.listAudit()
        #expect(entries.map(\.id) == [1, 2, 3])
        #expect(entries.map(\.actorName) == ["jo", "kim", "jo"])
        #expect(entries.map(\.actorRole) == ["worker", "admin", "worker"])
        #expect(entries.allSatisfy { $0.action == "read_transcript" && $0.subject == id })
        #expect(entries[1].at == WallTime.start.adding(.seconds(1)))
        #expect(entries[0].previousHash == [UInt8](repeating: 0, count: 32))
        #expect(entries[1].previousHash == entries[0].hash)
        #expect(try fixture.store.verifyAuditChain() == .intact(entries: 3))
        #expect(try fixture.store.listAudit(afterID: 1, limit: 1).map(\.id) == [2])
    }

    @Test("an empty log verifies")
    func emptyChain() throws {
        #expect(try StoreFixture(.memory).store.verifyAuditChain() == .intact(entries: 0))
    }

    @Test("the database itself refuses to change or delete entries", arguments: StoreLocation.allCases)
    func appendOnlyTriggers(location: StoreLocation) throws {
        let (fixture, _) = try storeWithReads(location, count: 2)
        #expect(throws: StoreError.self) { try fixture.store.database.run("UPDATE audit_log SET actor_name = 'x'") }
        #expect(throws: StoreError.self) { try fixture.store.database.run("DELETE FROM audit_log WHERE id = 1") }
        #expect(try fixture.store.verifyAuditChain() == .intact(entries: 2))
    }

    @Test("an edited entry is found", arguments: StoreLocation.allCases)
    func detectsEdit(location: StoreLocation) throws {
        let (fixture, _) = try storeWithReads(location, count: 5)
        try fixture.store.database.execute("DROP TRIGGER audit_log_is_append_only_update")
        try fixture.store.database.run("UPDATE audit_log SET actor_name = 'someone else' WHERE id = 3")
        #expect(try fixture.store.verifyAuditChain() == .broken(atEntry: 3))
    }

    @Test("an edit with a recomputed hash is found at the next entry", arguments: StoreLocation.allCases)
    func detectsRehashedEdit(location: StoreLocation) throws {
        let (fixture, _) = try storeWithReads(location, count: 5)
        let third = try #require(try fixture.store.listAudit(afterID: 2, limit: 1).first)
        let forged = AuditEntry.chainHash(previousHash: third.previousHash, id: 3, at: third.at, actorName: "someone else",
                                          actorRole: third.actorRole, action: third.action, subject: third.subject)
        try fixture.store.database.execute("DROP TRIGGER audit_log_is_append_only_update")
        try fixture.store.database.run("UPDATE audit_log SET actor_name = 'someone else', hash = ? WHERE id = 3",
                                       .blob(forged))
        #expect(try fixture.store.verifyAuditChain() == .broken(atEntry: 4))
    }

    @Test("a deleted middle entry is found", arguments: StoreLocation.allCases)
    func detectsDeletion(location: StoreLocation) throws {
        let (fixture, _) = try storeWithReads(location, count: 5)
        try fixture.store.database.execute("DROP TRIGGER audit_log_is_append_only_delete")
        try fixture.store.database.run("DELETE FROM audit_log WHERE id = 3")
        #expect(try fixture.store.verifyAuditChain() == .broken(atEntry: 4))
    }

    @Test("a deleted first entry is found")
    func detectsFirstDeletion() throws {
        let (fixture, _) = try storeWithReads(.memory, count: 3)
        try fixture.store.database.execute("DROP TRIGGER audit_log_is_append_only_delete")
        try fixture.store.database.run("DELETE FROM audit_log WHERE id = 1")
        #expect(try fixture.store.verifyAuditChain() == .broken(atEntry: 2))
    }

    @Test("audit entries outlive the transcript they describe")
    func entriesOutliveTranscript() throws {
        let (fixture, id) = try storeWithReads(.memory, count: 2)
        #expect(try fixture.store.deleteExpired(now: WallTime.start.adding(Conversation.retention)).transcripts == 1)
        #expect(try fixture.store.listAudit().map(\.subject) == [id, id])
        #expect(try fixture.store.verifyAuditChain() == .intact(entries: 2))
    }
}
