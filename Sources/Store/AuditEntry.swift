import Crypto

/// One line of the append-only audit log: who (display name and role) did what to which subject, when.
///
/// Entries are hash-chained: each stores the SHA-256 of the previous entry and its own hash over that
/// link plus its fields, so editing, removing or reordering any entry breaks the chain from there on.
public struct AuditEntry: Sendable, Equatable {
    /// Consecutive from 1; a gap means an entry was removed.
    public let id: Int64
    /// When it happened.
    public let at: WallTime
    /// The display name of the person who acted.
    public let actorName: String
    /// Their role (`worker`, `admin`, …).
    public let actorRole: String
    /// What they did, e.g. `read_transcript`.
    public let action: String
    /// What they did it to, e.g. a transcript id `t_…`.
    public let subject: String
    /// The previous entry's hash (32 zero bytes for the first entry).
    public let previousHash: [UInt8]
    /// SHA-256 over `previousHash` and this entry's canonical form.
    public let hash: [UInt8]

    /// The action recorded when a staff member opens a transcript.
    public static let readTranscript = "read_transcript"

    /// The link before the first entry.
    static let genesisHash = [UInt8](repeating: 0, count: 32)

    /// The hash an entry with these fields must carry: SHA-256(previous hash ‖ canonical form).
    ///
    /// The canonical form is a version tag and every field, length-prefixed (`BinaryWriter`), so no two
    /// different entries encode to the same bytes.
    static func chainHash(previousHash: [UInt8], id: Int64, at: WallTime, actorName: String, actorRole: String,
                          action: String, subject: String) -> [UInt8] {
        var canonical = BinaryWriter()
        canonical.write(previousHash)
        canonical.write("withness.audit.v1")
        canonical.write(id)
        canonical.write(at.milliseconds)
        canonical.write(actorName)
        canonical.write(actorRole)
        canonical.write(action)
        canonical.write(subject)
        return Digest.sha256(canonical.bytes)
    }

    /// Whether the stored hash matches the stored fields.
    var hasValidHash: Bool {
        ConstantTime.equals(hash, Self.chainHash(previousHash: previousHash, id: id, at: at, actorName: actorName,
                                                  actorRole: actorRole, action: action, subject: subject))
    }
}

/// The result of walking the whole audit chain.
public enum AuditChainStatus: Sendable, Equatable {
    /// Every entry links to the one before and matches its own hash.
    case intact(entries: Int)
    /// The first entry whose link, hash or position is wrong.
    case broken(atEntry: Int64)
}

/// One read of a transcript, as shown to its participants by receipt: who (role and display name), when.
public struct TranscriptAccess: Sendable, Equatable {
    /// The reader's display name.
    public let name: String
    /// The reader's role.
    public let role: String
    /// When they read it.
    public let at: WallTime
}
