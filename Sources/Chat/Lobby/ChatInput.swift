/// Something that happened at the edge, fed to ``Lobby/handle(_:now:rng:)``.
public enum ChatInput: Sendable, Equatable {
    /// A WebSocket connection to `/ws` completed its handshake. (A `.received` from an unknown
    /// client implies this; announcing a reused id ends whatever session it had.)
    case connected(ClientID)
    /// One complete text message arrived (the bytes of its JSON).
    case received(ClientID, [UInt8])
    /// The connection is gone (closed, timed out, or dropped); its peer starts the grace period.
    case disconnected(ClientID)
    /// Time passed: expire grace periods and matching patience. Call at ``Lobby/nextDeadline`` or
    /// simply every second.
    case tick
    /// The glue stored the transcript of a ``ChatEffect/roomEnded(_:)``: hand out the receipts.
    case transcriptStored(TranscriptReceipts)
    /// The glue looked up a report the chat no longer holds (``ChatEffect/resolveStoredReport(_:reply:)``).
    case storedReportResolved(StoredReportOutcome)
    /// Staff resolved a report outside the chat (the HTTP API) and the store recorded it: the
    /// reporter, if connected, hears the outcome, and the chat forgets the report if it held it.
    case reportResolvedOutside(report: ReportID, reporter: PeerID, outcome: String)
}
