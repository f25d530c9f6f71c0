import Testing
@testable import Store

/// Nothing from a conversation is readable on disk: not while stored, not after it is withdrawn or expires.
@Suite("Privacy at rest")
struct PrivacyTests {
    private let phrase = "the-violet-heron-sings-at-dawn-4417"
    private let name = "Zephyrine"
    private let later = WallTime.start.adding(.seconds(60))

    private var entries: [TranscriptEntry] {
        [.message(TranscriptMessage(seq: 1, from: "p_z", name: name, role: "member", text: "I said \(phrase) today",
                                    at: .start)),
         .message(TranscriptMessage(seq: 2, from: "p_o", name: "Other", role: "member", text: "other words", at: .start))]
    }

    private var participants: [TranscriptParticipant] {
        [TranscriptParticipant(peer: "p_z", name: name, consented: true),
         TranscriptParticipant(peer: "p_o", name: "Other", consented: true)]
    }

    private func save(_ fixture: StoreFixture, kind: TranscriptKind, retention: Duration = .seconds(86_400)) throws
        -> (saved: SavedTranscript, sealed: [UInt8], wrappedKey: [UInt8]) {
        let saved = try #require(try fixture.store.saveTranscript(
            room: "r_room_in_clear", kind: kind, entries: entries, participants: participants, now: .start,
            retention: retention))
        let row = try #require(try fixture.store.database.firstRow(
            "SELECT sealed, wrapped_key FROM transcripts WHERE id = ?", .text(saved.id)) { ($0.blob(0), $0.blob(1)) })
        return (saved, row.0, row.1)
    }

    /// A 32-byte piece from the middle of a ciphertext: enough to be unique, small enough to sit in one page.
    private func piece(_ bytes: [UInt8]) -> [UInt8] { Array(bytes[20..<52]) }

    @Test("no file in the data directory holds the words or names of a saved transcript")
    func savedTranscriptIsEncrypted() throws {
        let fixture = try StoreFixture(.directory)
        let path = try #require(fixture.dataPath)
        let stored = try save(fixture, kind: .pair)
        // The scan does see stored bytes: the room id is kept in the clear, and so is the ciphertext.
        #expect(!FileScan.files(in: path, containing: Array("r_room_in_clear".utf8)).isEmpty)
        #expect(!FileScan.files(in: path, containing: piece(stored.sealed)).isEmpty)
        #expect(FileScan.files(in: path, containing: Array(phrase.utf8)).isEmpty)
        #expect(FileScan.files(in: path, containing: Array(name.utf8)).isEmpty)
        #expect(FileScan.names(in: path).contains("withness.sqlite3-wal"))
    }

    @Test("after a pair revocation the ciphertext and its wrapped key are gone from every file")
    func revokedPairLeavesNoCiphertext() throws {
        let fixture = try StoreFixture(.directory)
        let path = try #require(fixture.dataPath)
        let stored = try save(fixture, kind: .pair)
        #expect(!FileScan.files(in: path, containing: piece(stored.sealed)).isEmpty)
        #expect(try fixture.store.revoke(receipt: Conversation.receipt(of: stored.saved, for: "p_o"), now: later) == .deleted)
        #expect(FileScan.files(in: path, containing: piece(stored.sealed)).isEmpty)
        #expect(FileScan.files(in: path, containing: piece(stored.wrappedKey)).isEmpty)
    }

    @Test("after a group revocation the old ciphertext is gone and the new one lacks the withdrawn words")
    func revokedGroupLeavesNoOldCiphertext() throws {
        let fixture = try StoreFixture(.directory)
        let path = try #require(fixture.dataPath)
        let stored = try save(fixture, kind: .group)
        #expect(!FileScan.files(in: path, containing: piece(stored.sealed)).isEmpty)
        #expect(try fixture.store.revoke(receipt: Conversation.receipt(of: stored.saved, for: "p_z"), now: later) == .redacted)
        #expect(FileScan.files(in: path, containing: piece(stored.sealed)).isEmpty)
        #expect(FileScan.files(in: path, containing: piece(stored.wrappedKey)).isEmpty)
        let view = try #require(try fixture.store.readByReceipt(Conversation.receipt(of: stored.saved, for: "p_o"), now: later))
        #expect(Conversation.shape(view.transcript.entries) == ["1:redacted", "2:p_o"])
    }

    @Test("a revocation while another process reads is scrubbed from the log at the next sweep")
    func blockedCheckpointIsRetried() throws {
        let fixture = try StoreFixture(.directory)
        let path = try #require(fixture.dataPath)
        let stored = try save(fixture, kind: .pair)
        let reader = try Database(path: path + "/withness.sqlite3")
        try reader.execute("BEGIN")
        _ = try reader.rows("SELECT count(*) FROM staff") { $0.integer(0) }
        #expect(try fixture.store.revoke(receipt: Conversation.receipt(of: stored.saved, for: "p_z"), now: later) == .deleted)
        #expect(fixture.store.writeAheadLogNeedsTruncating)
        try reader.execute("COMMIT")
        try fixture.store.deleteExpired(now: later)
        #expect(!fixture.store.writeAheadLogNeedsTruncating)
        #expect(FileScan.files(in: path, containing: piece(stored.sealed)).isEmpty)
    }

    @Test("after expiry the sweep leaves no ciphertext behind")
    func expiredLeavesNoCiphertext() throws {
        let fixture = try StoreFixture(.directory)
        let path = try #require(fixture.dataPath)
        let stored = try save(fixture, kind: .pair, retention: .seconds(10))
        #expect(!FileScan.files(in: path, containing: piece(stored.sealed)).isEmpty)
        #expect(try fixture.store.deleteExpired(now: WallTime.start.adding(.seconds(10))).transcripts == 1)
        #expect(FileScan.files(in: path, containing: piece(stored.sealed)).isEmpty)
        #expect(FileScan.files(in: path, containing: piece(stored.wrappedKey)).isEmpty)
    }

    @Test("the stored transcript cannot be opened with another master key")
    func wrongMasterKeyFails() throws {
        let fixture = try StoreFixture(.directory)
        let stored = try save(fixture, kind: .pair)
        let path = try #require(fixture.dataPath)
        let stranger = try DataStore(directory: DataDirectory(path: path), masterKey: .random(),
                                     options: StoreFixture.fastOptions)
        let receipt = Conversation.receipt(of: stored.saved, for: "p_z")
        let error = #expect(throws: StoreError.self) { try stranger.readByReceipt(receipt, now: later) }
        #expect(error?.domain == .crypto)
        #expect(throws: StoreError.self) { try stranger.readTranscript(id: stored.saved.id, by: Conversation.worker, now: later) }
        #expect(try fixture.store.readByReceipt(receipt, now: later) != nil)
    }

    @Test("a ciphertext moved to another transcript's row does not open")
    func ciphertextIsBoundToItsRow() throws {
        let fixture = try StoreFixture(.memory)
        let first = try save(fixture, kind: .pair)
        let second = try save(fixture, kind: .pair)
        try fixture.store.database.run("UPDATE transcripts SET sealed = ?, wrapped_key = ? WHERE id = ?",
                                       .blob(first.sealed), .blob(first.wrappedKey), .text(second.saved.id))
        #expect(throws: StoreError.self) {
            try fixture.store.readByReceipt(Conversation.receipt(of: second.saved, for: "p_z"), now: later)
        }
    }
}
