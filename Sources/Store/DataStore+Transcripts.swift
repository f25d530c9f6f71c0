/// Saving and reading consented transcripts (protocol §8, §11).
extension DataStore {
    /// Seals and saves a transcript, and issues one receipt per consenting participant.
    ///
    /// The store enforces consent as a last line of defence: a message is kept only when its author is
    /// a listed participant who consented; any other message is stored redacted. With no consenting
    /// participant nothing is written and the result is nil. The commit is fsynced (`synchronous=FULL`)
    /// before this returns, so a receipt handed out afterwards always finds its transcript.
    public func saveTranscript(room: String, kind: TranscriptKind, entries: [TranscriptEntry],
                               participants: [TranscriptParticipant], now: WallTime,
                               retention: Duration) throws -> SavedTranscript? {
        let masterKey = try requireMasterKey()
        let consenting = Set(participants.filter(\.consented).map(\.peer))
        guard !consenting.isEmpty else { return nil }
        let kept = entries.sorted { $0.seq < $1.seq }.map { entry -> TranscriptEntry in
            guard case .message(let message) = entry, consenting.contains(message.from) else { return .redacted(seq: entry.seq) }
            return entry
        }
        let id = Sealing.makeID(prefix: "t_")
        let box = try Sealing.sealTranscript(TranscriptCodec.encode(participants: participants, entries: kept),
                                             id: id, masterKey: masterKey)
        var receipts: [IssuedReceipt] = []
        try database.transaction {
            try database.run("""
                INSERT INTO transcripts (id, room, kind, entry_count, created_ms, expires_ms, wrapped_key, sealed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, .text(id), .text(room), .text(kind.rawValue), .integer(Int64(kept.count)),
                .integer(now.milliseconds), .integer(now.adding(retention).milliseconds), .blob(box.wrappedKey),
                .blob(box.sealed))
            for (index, participant) in participants.enumerated() where participant.consented {
                let (receipt, hashed) = HashedSecret.generate(byteCount: 24)
                try database.run("""
                    INSERT INTO receipts (lookup, receipt_hash, transcript_id, participant) VALUES (?, ?, ?, ?)
                    """, .integer(hashed.lookup), .blob(hashed.hash), .text(id), .integer(Int64(index)))
                receipts.append(IssuedReceipt(peer: participant.peer, receipt: receipt))
            }
        }
        return SavedTranscript(id: id, entryCount: kept.count, receipts: receipts)
    }

    /// Every unexpired transcript, newest first, without content (workers: `GET /api/transcripts`).
    public func listTranscripts(now: WallTime) throws -> [TranscriptSummary] {
        try database.rows("""
            SELECT id, room, kind, entry_count, created_ms, expires_ms FROM transcripts
            WHERE expires_ms > ? ORDER BY created_ms DESC, id
            """, .integer(now.milliseconds)) { row in
            TranscriptKind(rawValue: row.text(2)).map {
                TranscriptSummary(id: row.text(0), room: row.text(1), kind: $0, entryCount: Int(row.integer(3)),
                                  created: WallTime(milliseconds: row.integer(4)),
                                  expires: WallTime(milliseconds: row.integer(5)))
            }
        }
    }

    /// Decrypts one transcript for a staff member and records the read in the audit log, in the same
    /// transaction: if the audit entry cannot be written, nothing is returned. Nil when unknown or expired.
    /// Role checks (workers) are the HTTP layer's; the entry records whoever read.
    public func readTranscript(id: String, by reader: StaffMember, now: WallTime) throws -> Transcript? {
        try database.transaction { () throws -> Transcript? in
            guard let transcript = try loadTranscript(id: id, now: now) else { return nil }
            try appendAudit(actor: reader, action: AuditEntry.readTranscript, subject: id, now: now)
            return transcript
        }
    }

    /// The transcript a receipt belongs to and who has read it; nil for an unknown receipt or an
    /// expired transcript. Reads by participants are not audited (it is their own conversation).
    public func readByReceipt(_ receipt: String, now: WallTime) throws -> ReceiptView? {
        guard let found = try findReceipt(receipt),
              let loaded = try loadTranscript(id: found.transcriptID, now: now) else { return nil }
        return ReceiptView(transcript: loaded, accessLog: try accessLog(transcriptID: found.transcriptID))
    }

    /// A stored transcript, decrypted; nil when unknown or expired.
    func loadTranscript(id: String, now: WallTime) throws -> Transcript? {
        let masterKey = try requireMasterKey()
        let row = try database.firstRow("""
            SELECT room, kind, created_ms, expires_ms, wrapped_key, sealed FROM transcripts WHERE id = ? AND expires_ms > ?
            """, .text(id), .integer(now.milliseconds)) { row in
            (room: row.text(0), kind: row.text(1), created: row.integer(2), expires: row.integer(3),
             wrappedKey: row.blob(4), sealed: row.blob(5))
        }
        guard let row else { return nil }
        guard let kind = TranscriptKind(rawValue: row.kind) else { throw StoreError.corrupt("unknown transcript kind") }
        let body = try TranscriptCodec.decode(
            Sealing.openTranscript(row.sealed, wrappedKey: row.wrappedKey, id: id, masterKey: masterKey))
        return Transcript(id: id, room: row.room, kind: kind, created: WallTime(milliseconds: row.created),
                          expires: WallTime(milliseconds: row.expires), participants: body.participants,
                          entries: body.entries)
    }

    /// The receipt row matching a secret: candidates by lookup prefix, then a constant-time hash compare.
    func findReceipt(_ receipt: String) throws(StoreError) -> (rowID: Int64, transcriptID: String, participant: Int)? {
        guard let hashed = HashedSecret(receipt) else { return nil }
        let candidates = try database.rows("""
            SELECT rowid, receipt_hash, transcript_id, participant FROM receipts WHERE lookup = ?
            """, .integer(hashed.lookup)) { row in
            (rowID: row.integer(0), hash: row.blob(1), transcriptID: row.text(2), participant: Int(row.integer(3)))
        }
        guard let match = candidates.first(where: { hashed.matches($0.hash) }) else { return nil }
        return (match.rowID, match.transcriptID, match.participant)
    }
}
