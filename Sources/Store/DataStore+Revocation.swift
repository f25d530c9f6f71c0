/// Taking consent back, and the retention sweep (protocol §8: "Revoking deletes the transcript (pair)
/// or redacts their messages (group) for good"; "expire after the retention period").
///
/// "For good" means the bytes are gone, not just unlinked: `secure_delete` zeroes deleted rows and freed
/// pages, the write-ahead log is checkpointed and truncated to zero bytes, and a group transcript that
/// keeps other people's messages is re-sealed under a brand-new key.
extension DataStore {
    /// Withdraws the receipt holder's consent. The receipt stops working either way.
    public func revoke(receipt: String, now: WallTime) throws -> RevocationOutcome {
        guard let found = try findReceipt(receipt) else { return .notFound }
        guard let transcript = try loadTranscript(id: found.transcriptID, now: now) else { return .notFound }
        let outcome: RevocationOutcome = try database.transaction {
            guard transcript.kind == .group, found.participant < transcript.participants.count else {
                try deleteTranscript(id: transcript.id)
                return .deleted
            }
            let withdrawn = transcript.participants[found.participant].peer
            let entries = transcript.entries.map { entry -> TranscriptEntry in
                guard case .message(let message) = entry, message.from == withdrawn else { return entry }
                return .redacted(seq: message.seq)
            }
            let stillHasMessages = entries.contains { if case .message = $0 { true } else { false } }
            guard stillHasMessages else {
                try deleteTranscript(id: transcript.id)
                return .deleted
            }
            var participants = transcript.participants
            participants[found.participant] = TranscriptParticipant(peer: "", name: "", consented: false)
            let box = try Sealing.sealTranscript(TranscriptCodec.encode(participants: participants, entries: entries),
                                                 id: transcript.id, masterKey: try requireMasterKey())
            try database.run("UPDATE transcripts SET wrapped_key = ?, sealed = ? WHERE id = ?",
                             .blob(box.wrappedKey), .blob(box.sealed), .text(transcript.id))
            try database.run("DELETE FROM receipts WHERE rowid = ?", .integer(found.rowID))
            return .redacted
        }
        try truncateWriteAheadLog()
        return outcome
    }

    /// Deletes transcripts (keys, ciphertext, receipts) and login sessions whose time is up.
    /// The server runs it periodically on the store's thread (`StoreWorker` can do it for you).
    @discardableResult
    public func deleteExpired(now: WallTime) throws -> SweepResult {
        let (transcripts, sessions) = try database.transaction {
            try database.run("DELETE FROM transcripts WHERE expires_ms <= ?", .integer(now.milliseconds))
            let transcripts = database.changes
            try database.run("DELETE FROM staff_sessions WHERE expires_ms <= ?", .integer(now.milliseconds))
            return (transcripts, database.changes)
        }
        if transcripts > 0 || writeAheadLogNeedsTruncating { try truncateWriteAheadLog() }
        return SweepResult(transcripts: transcripts, sessions: sessions)
    }

    /// Removes a transcript row; its receipts go with it (foreign key cascade).
    private func deleteTranscript(id: String) throws(StoreError) {
        try database.run("DELETE FROM transcripts WHERE id = ?", .text(id))
    }
}
