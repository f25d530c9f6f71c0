/// What saving a transcript hands back: its id, its size, and one receipt per consenting participant
/// (the glue sends each as `{"type":"transcript",…,"receipt":…}`, protocol §8).
public struct SavedTranscript: Sendable, Equatable {
    /// `t_…`.
    public let id: String
    /// The number of lines stored (`messages` in the `transcript` event).
    public let entryCount: Int
    /// One per consenting participant, in participant order.
    public let receipts: [IssuedReceipt]
}

/// A receipt for one participant. The secret is returned exactly once; only its hash is stored.
public struct IssuedReceipt: Sendable, Equatable {
    /// The participant's peer id, to address the `transcript` event.
    public let peer: String
    /// 192 random bits as URL-safe base64.
    public let receipt: String
}

/// What a participant sees with their receipt (`GET /api/receipts/{receipt}`): the transcript and who read it.
public struct ReceiptView: Sendable, Equatable {
    /// The transcript as it stands now (withdrawn messages redacted).
    public let transcript: Transcript
    /// Every staff read, oldest first.
    public let accessLog: [TranscriptAccess]
}

/// What revoking a receipt did (`DELETE /api/receipts/{receipt}`).
public enum RevocationOutcome: Sendable, Equatable {
    /// The transcript is gone: a pair transcript, or a group one left with no messages.
    case deleted
    /// The holder's messages in a group transcript are now redacted for good; the rest remains.
    case redacted
    /// No such receipt (never issued, already revoked, or the transcript expired).
    case notFound
}

/// What one retention sweep removed.
public struct SweepResult: Sendable, Equatable {
    /// Transcripts past their expiry, deleted with their keys and receipts.
    public let transcripts: Int
    /// Expired login sessions.
    public let sessions: Int
}
