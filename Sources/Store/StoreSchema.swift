/// The store's schema as a list of append-only migrations. Add new steps at the end; never edit a released one.
///
/// What is stored in the clear is only what sweeping, lookups and listings need (ids, rooms, times,
/// counts). Conversation content (messages, names, report reasons) is sealed; tokens and receipts are
/// stored only as SHA-256 hashes with an 8-byte lookup prefix.
enum StoreSchema {
    static var migrator: Migrator {
        var migrator = Migrator()
        migrator.register("v1 staff, sessions, transcripts, receipts, reports, audit", sql: version1)
        return migrator
    }

    private static let version1 = """
        CREATE TABLE staff (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('facilitator', 'worker', 'admin')),
            password_hash TEXT NOT NULL,
            created_ms INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE staff_sessions (
            lookup INTEGER NOT NULL,
            token_hash BLOB NOT NULL,
            staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
            created_ms INTEGER NOT NULL,
            expires_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX staff_sessions_by_lookup ON staff_sessions(lookup);
        CREATE INDEX staff_sessions_by_staff ON staff_sessions(staff_id);
        CREATE INDEX staff_sessions_by_expiry ON staff_sessions(expires_ms);

        CREATE TABLE transcripts (
            id TEXT PRIMARY KEY,
            room TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('pair', 'group')),
            entry_count INTEGER NOT NULL,
            created_ms INTEGER NOT NULL,
            expires_ms INTEGER NOT NULL,
            wrapped_key BLOB NOT NULL,
            sealed BLOB NOT NULL
        ) STRICT;
        CREATE INDEX transcripts_by_expiry ON transcripts(expires_ms);

        CREATE TABLE receipts (
            lookup INTEGER NOT NULL,
            receipt_hash BLOB NOT NULL,
            transcript_id TEXT NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
            participant INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX receipts_by_lookup ON receipts(lookup);
        CREATE INDEX receipts_by_transcript ON receipts(transcript_id);

        CREATE TABLE reports (
            id TEXT PRIMARY KEY,
            room TEXT NOT NULL,
            seq INTEGER NOT NULL,
            created_ms INTEGER NOT NULL,
            resolved_ms INTEGER,
            sealed BLOB NOT NULL
        ) STRICT;
        CREATE INDEX reports_by_created ON reports(created_ms);

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at_ms INTEGER NOT NULL,
            actor_name TEXT NOT NULL,
            actor_role TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            previous_hash BLOB NOT NULL,
            hash BLOB NOT NULL
        ) STRICT;
        CREATE INDEX audit_log_by_subject ON audit_log(subject);
        CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """
}
